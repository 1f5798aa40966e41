import type { Ranges } from './char-sets.js';
import { Unsupported, type Node } from './syntax.js';

/**
 * A parsed pattern compiled to instructions for the Pike VM (vm.ts): `char` consumes one code unit of a set,
 * `split` forks, `jmp` jumps, `assert` tests the position, `look` runs a lookaround's own program (its `start`,
 * compiled after the main one; a lookbehind's program is compiled reversed and run backwards), `match` ends.
 * Counted repetition is expanded, so the program is capped at MAX_PROGRAM instructions.
 */
export type Instruction =
  | { op: 'char'; ranges: Ranges }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'assert'; kind: 'start' | 'end' | 'boundary' | 'non-boundary' }
  | { op: 'look'; start: number; negated: boolean; behind: boolean; id: number }
  | { op: 'match' };

export interface Program {
  code: Instruction[];
  /** Number of lookarounds (their ids are 0 … looks - 1). */
  looks: number;
}

export const MAX_PROGRAM = 20_000;

type Split = Extract<Instruction, { op: 'split' }>;
type Jump = Extract<Instruction, { op: 'jmp' }>;
type Look = Extract<Instruction, { op: 'look' }>;

export function compile(root: Node): Program {
  const code: Instruction[] = [];
  const pending: Array<{ instruction: Look; node: Node }> = [];
  const emit = (instruction: Instruction): number => {
    if (code.length >= MAX_PROGRAM) throw new Unsupported(`more than ${MAX_PROGRAM} instructions once its counts are expanded`);
    code.push(instruction);
    return code.length - 1;
  };

  const gen = (node: Node): void => {
    switch (node.t) {
      case 'set':
        emit({ op: 'char', ranges: node.ranges });
        return;
      case 'assert':
        emit({ op: 'assert', kind: node.kind });
        return;
      case 'seq':
        node.items.forEach(gen);
        return;
      case 'look': {
        const instruction: Look = { op: 'look', start: -1, negated: node.negated, behind: node.behind, id: pending.length };
        emit(instruction);
        pending.push({ instruction, node: node.behind ? reverse(node.node) : node.node });
        return;
      }
      case 'alt': {
        const ends: Jump[] = [];
        node.options.forEach((option, i) => {
          if (i < node.options.length - 1) {
            const split: Split = { op: 'split', x: code.length + 1, y: -1 };
            emit(split);
            gen(option);
            const jump: Jump = { op: 'jmp', x: -1 };
            emit(jump);
            ends.push(jump);
            split.y = code.length;
          } else gen(option);
        });
        for (const jump of ends) jump.x = code.length;
        return;
      }
      case 'repeat': {
        for (let i = 0; i < node.min; i++) gen(node.node);
        if (node.max === Infinity) {
          const split: Split = { op: 'split', x: code.length + 1, y: -1 };
          const loop = emit(split);
          gen(node.node);
          emit({ op: 'jmp', x: loop });
          split.y = code.length;
          return;
        }
        const splits: Split[] = [];
        for (let i = node.min; i < node.max; i++) {
          const split: Split = { op: 'split', x: code.length + 1, y: -1 };
          emit(split);
          splits.push(split);
          gen(node.node);
        }
        for (const split of splits) split.y = code.length;
        return;
      }
    }
  };

  gen(root);
  emit({ op: 'match' });
  // Lookaround bodies (and the lookarounds inside them) each get their own program after the main one.
  for (let i = 0; i < pending.length; i++) {
    const { instruction, node } = pending[i]!;
    instruction.start = code.length;
    gen(node);
    emit({ op: 'match' });
  }
  return { code, looks: pending.length };
}

/** The same language read backwards (for a lookbehind, matched from its position towards the start). */
function reverse(node: Node): Node {
  switch (node.t) {
    case 'seq':
      return { t: 'seq', items: node.items.map(reverse).reverse() };
    case 'alt':
      return { t: 'alt', options: node.options.map(reverse) };
    case 'repeat':
      return { ...node, node: reverse(node.node) };
    default:
      return node;
  }
}
