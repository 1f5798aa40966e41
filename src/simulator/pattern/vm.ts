import { contains, isWordUnit } from './char-sets.js';
import type { Program } from './program.js';

/**
 * A Pike VM (Thompson's construction run breadth-first): every thread advances one code unit at a time and two
 * threads at the same instruction are one, so a run costs at most (text length + 1) × program size steps, whatever
 * the pattern (no backtracking: `^(a+)+$` is as fast as `^a+$`). A lookaround runs its own program from its
 * position (forwards, or backwards for a lookbehind), once per position (memoized). Every step counts against a
 * budget; past it the run throws `TooSlow`.
 */

export class TooSlow extends Error {
  constructor(readonly steps: number) {
    super(`more than ${steps} steps`);
  }
}

interface Run {
  program: Program;
  text: string;
  budget: { left: number; total: number };
  /** Lookaround results by id × (text length + 1) + position. */
  looks: Map<number, boolean>;
}

/** Whether the program matches somewhere in `text` (RegExp.prototype.test without flags). */
export function search(program: Program, text: string, maxSteps: number): boolean {
  const run: Run = { program, text, budget: { left: maxSteps, total: maxSteps }, looks: new Map() };
  return execute(run, 0, 0, 1, false);
}

/**
 * Runs from `start` (an instruction) at position `at`, moving `dir` (+1 forwards, -1 backwards). `anchored`: only
 * threads started at `at` (a lookaround); otherwise a new thread starts at every position (a search).
 */
function execute(run: Run, start: number, at: number, dir: 1 | -1, anchored: boolean): boolean {
  const { code } = run.program;
  const { text } = run;
  const size = code.length;
  let current = new Int32Array(size);
  let next = new Int32Array(size);
  const seen = new Int32Array(size).fill(-1);
  const stack = new Int32Array(size + 1);
  let count = 0;
  let generation = 0;
  spend(run, size);

  /** Adds `pc` and everything reachable from it without consuming a unit; true when that reaches `match`. */
  const add = (list: Int32Array, length: number, pc: number, pos: number): [number, boolean] => {
    let top = 0;
    stack[top++] = pc;
    while (top) {
      const p = stack[--top]!;
      if (seen[p] === generation) continue;
      seen[p] = generation;
      spend(run, 1);
      const ins = code[p]!;
      switch (ins.op) {
        case 'match':
          return [length, true];
        case 'char':
          list[length++] = p;
          break;
        case 'jmp':
          stack[top++] = ins.x;
          break;
        case 'split':
          stack[top++] = ins.y;
          stack[top++] = ins.x;
          break;
        case 'assert':
          if (holds(ins.kind, text, pos)) stack[top++] = p + 1;
          break;
        case 'look':
          if (lookaround(run, ins, pos) !== ins.negated) stack[top++] = p + 1;
          break;
      }
    }
    return [length, false];
  };

  let pos = at;
  const end = dir === 1 ? text.length : 0;
  for (;;) {
    if (!anchored || pos === at) {
      const [length, matched] = add(current, count, start, pos);
      if (matched) return true;
      count = length;
    }
    if (pos === end || (anchored && count === 0)) return false;
    const unit = text.charCodeAt(dir === 1 ? pos : pos - 1);
    pos += dir;
    generation++;
    let nextCount = 0;
    for (let i = 0; i < count; i++) {
      const pc = current[i]!;
      spend(run, 1);
      const ins = code[pc]!;
      if (ins.op === 'char' && contains(ins.ranges, unit)) {
        const [length, matched] = add(next, nextCount, pc + 1, pos);
        if (matched) return true;
        nextCount = length;
      }
    }
    [current, next] = [next, current];
    count = nextCount;
  }
}

function lookaround(run: Run, ins: { start: number; behind: boolean; id: number }, pos: number): boolean {
  const key = ins.id * (run.text.length + 1) + pos;
  let result = run.looks.get(key);
  if (result === undefined) {
    result = execute(run, ins.start, pos, ins.behind ? -1 : 1, true);
    run.looks.set(key, result);
  }
  return result;
}

function holds(kind: 'start' | 'end' | 'boundary' | 'non-boundary', text: string, pos: number): boolean {
  if (kind === 'start') return pos === 0;
  if (kind === 'end') return pos === text.length;
  const before = pos > 0 && isWordUnit(text.charCodeAt(pos - 1));
  const after = pos < text.length && isWordUnit(text.charCodeAt(pos));
  return (before !== after) === (kind === 'boundary');
}

function spend(run: Run, steps: number): void {
  run.budget.left -= steps;
  if (run.budget.left < 0) throw new TooSlow(run.budget.total);
}
