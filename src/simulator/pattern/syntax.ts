import { complement, DIGIT, DOT, normalize, SPACE, WORD, type Ranges } from './char-sets.js';

/**
 * The part of ECMAScript regular expressions (no flags) the linear-time matcher understands, parsed into a tree:
 * literals and escapes, `.`, `\d \D \w \W \s \S`, classes (ranges, negation), groups (capturing, named, `(?:`),
 * alternation, `^ $ \b \B`, lookahead and lookbehind, and the quantifiers `? * + {n} {n,} {n,m}` (lazy ones
 * too: for a yes/no answer laziness changes nothing). Anything else throws `Unsupported` naming it: back-references
 * (they make matching non-regular), Annex B oddities (octal escapes, `\c` without a letter, quantified lookarounds,
 * classes like `[\d-z]`), counts above MAX_COUNT, nesting deeper than MAX_NESTING. Only patterns `new RegExp`
 * accepts are given to it, so plain syntax errors need no message of their own.
 */

export type Node =
  | { t: 'set'; ranges: Ranges }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'repeat'; node: Node; min: number; max: number }
  | { t: 'assert'; kind: 'start' | 'end' | 'boundary' | 'non-boundary' }
  | { t: 'look'; node: Node; negated: boolean; behind: boolean };

/** A construct outside the matcher's subset; `what` names it for the error message. */
export class Unsupported extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

/** The largest `{n,m}` count expanded (larger counts go to the fallback). */
export const MAX_COUNT = 1000;
/** The deepest group nesting parsed. */
export const MAX_NESTING = 100;

const QUANTIFIER = /\{(\d+)(?:(,)(\d*))?\}/y;
const GROUP_NAME = /<[A-Za-z_$][\w$]*>/y;
const CONTROL_ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, v: 0x0b };
const SET_ESCAPES: Record<string, Ranges> = { d: DIGIT, D: complement(DIGIT), w: WORD, W: complement(WORD), s: SPACE, S: complement(SPACE) };

export function parsePattern(src: string): Node {
  const parser = new Parser(src);
  const node = parser.alternation(0);
  if (parser.pos < src.length) throw new Unsupported(`an unmatched ')'`);
  return node;
}

const unit = (code: number): Node => ({ t: 'set', ranges: [[code, code]] });

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  alternation(depth: number): Node {
    const options = [this.sequence(depth)];
    while (this.src[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence(depth));
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  }

  private sequence(depth: number): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      items.push(this.quantified(this.atom(depth)));
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private atom(depth: number): Node {
    const c = this.src[this.pos++]!;
    if (c === '^') return { t: 'assert', kind: 'start' };
    if (c === '$') return { t: 'assert', kind: 'end' };
    if (c === '.') return { t: 'set', ranges: DOT };
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '(') return this.group(depth + 1);
    if (c === '*' || c === '+' || c === '?') throw new Unsupported(`a quantifier with nothing to repeat`);
    if (c === '{' && this.quantifierAt(this.pos - 1)) throw new Unsupported(`a quantifier with nothing to repeat`);
    return unit(c.charCodeAt(0));
  }

  private group(depth: number): Node {
    if (depth > MAX_NESTING) throw new Unsupported(`groups nested more than ${MAX_NESTING} deep`);
    let look: { negated: boolean; behind: boolean } | undefined;
    if (this.src[this.pos] === '?') {
      const at = this.pos + 1;
      const [a, b] = [this.src[at], this.src[at + 1]];
      if (a === ':') this.pos += 2;
      else if (a === '=' || a === '!') {
        look = { negated: a === '!', behind: false };
        this.pos += 2;
      } else if (a === '<' && (b === '=' || b === '!')) {
        look = { negated: b === '!', behind: true };
        this.pos += 3;
      } else {
        GROUP_NAME.lastIndex = at;
        const named = GROUP_NAME.exec(this.src);
        if (!named) throw new Unsupported(`the group syntax (?${a ?? ''}${b ?? ''}`);
        this.pos = at + named[0].length;
      }
    }
    const node = this.alternation(depth);
    if (this.src[this.pos++] !== ')') throw new Unsupported(`an unclosed group`);
    if (look) return { t: 'look', node, ...look };
    // A group may be quantified even when it holds only an assertion (`(?:\b)?`); a bare assertion may not.
    return node.t === 'assert' || node.t === 'look' ? { t: 'seq', items: [node] } : node;
  }

  private quantified(node: Node): Node {
    const c = this.src[this.pos];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{' && this.quantifierAt(this.pos)) {
      const m = this.quantifierAt(this.pos)!;
      this.pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) throw new Unsupported(`a count above ${MAX_COUNT}`);
      if (min > max) throw new Unsupported(`a count out of order`);
    } else return node;
    if (this.src[this.pos] === '?') this.pos++;
    if (node.t === 'assert' || node.t === 'look') throw new Unsupported(`a quantified assertion`);
    const next = this.src[this.pos];
    if (next === '*' || next === '+' || next === '?' || (next === '{' && this.quantifierAt(this.pos))) throw new Unsupported(`a quantifier on a quantifier`);
    return { t: 'repeat', node, min, max };
  }

  /** A `{n}`, `{n,}` or `{n,m}` quantifier starting at `at` (otherwise `{` is a literal, as without the u flag). */
  private quantifierAt(at: number): RegExpExecArray | null {
    QUANTIFIER.lastIndex = at;
    return QUANTIFIER.exec(this.src);
  }

  private escape(): Node {
    const e = this.src[this.pos++];
    if (e === undefined) throw new Unsupported(`a trailing backslash`);
    if (e === 'b') return { t: 'assert', kind: 'boundary' };
    if (e === 'B') return { t: 'assert', kind: 'non-boundary' };
    const set = SET_ESCAPES[e];
    if (set) return { t: 'set', ranges: set };
    return unit(this.escapedUnit(e));
  }

  /** The code unit of a character escape (after the backslash), outside or inside a class. */
  private escapedUnit(e: string): number {
    if (e in CONTROL_ESCAPES) return CONTROL_ESCAPES[e]!;
    if (e >= '1' && e <= '9') throw new Unsupported(`a back-reference (\\${e})`);
    if (e === 'k') throw new Unsupported(`a named back-reference (\\k)`);
    if (e === '0') {
      if (/[0-9]/.test(this.src[this.pos] ?? '')) throw new Unsupported(`an octal escape`);
      return 0;
    }
    if (e === 'c') {
      const letter = this.src[this.pos];
      if (!letter || !/[A-Za-z]/.test(letter)) throw new Unsupported(`\\c without a letter`);
      this.pos++;
      return letter.charCodeAt(0) % 32;
    }
    if (e === 'x' || e === 'u') {
      const digits = e === 'x' ? 2 : 4;
      const hex = this.src.slice(this.pos, this.pos + digits);
      if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) throw new Unsupported(`\\${e} without ${digits} hex digits`);
      this.pos += digits;
      return parseInt(hex, 16);
    }
    if (e === 'p' || e === 'P') throw new Unsupported(`\\${e} (a Unicode property needs the u flag, which a pattern cannot have)`);
    return e.charCodeAt(0);
  }

  private charClass(): Node {
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    const ranges: Array<readonly [number, number]> = [];
    for (;;) {
      if (this.pos >= this.src.length) throw new Unsupported(`an unclosed class`);
      if (this.src[this.pos] === ']') {
        this.pos++;
        break;
      }
      const from = this.classAtom();
      if (this.src[this.pos] === '-' && this.pos + 1 < this.src.length && this.src[this.pos + 1] !== ']') {
        this.pos++;
        const to = this.classAtom();
        if (typeof from !== 'number' || typeof to !== 'number') throw new Unsupported(`a class range with a class escape`);
        if (from > to) throw new Unsupported(`a class range out of order`);
        ranges.push([from, to]);
      } else if (typeof from === 'number') ranges.push([from, from]);
      else ranges.push(...from);
    }
    const set = normalize(ranges);
    return { t: 'set', ranges: negated ? complement(set) : set };
  }

  /** One class member: a code unit, or the ranges of `\d \D \w \W \s \S`. */
  private classAtom(): number | Ranges {
    const c = this.src[this.pos++]!;
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.src[this.pos++];
    if (e === undefined) throw new Unsupported(`a trailing backslash`);
    if (e === 'b') return 0x08;
    if (e === '-') return 0x2d;
    if (e === 'B') throw new Unsupported(`\\B in a class`);
    return SET_ESCAPES[e] ?? this.escapedUnit(e);
  }
}
