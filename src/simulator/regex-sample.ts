/**
 * A short string matching a regular expression, for auto answers to TextInput `pattern`s. It covers what
 * input patterns use: literals and escapes, `.`, `\d \w \s`, classes with ranges and negation, groups (capturing
 * or `(?:`), alternation, anchors and the quantifiers `? * + {n} {n,} {n,m}` (the smallest count, at least one
 * for `+`). Anything else (look-arounds, back-references) gives undefined, as does a result the pattern rejects.
 * Bounded (issue 10, finding 8): groups nest at most MAX_DEPTH deep, a sample has at most MAX_SAMPLE_LENGTH
 * characters (`a{99999999}` gives undefined, not a 100 MB string), and the sample is checked with the linear-time
 * matcher (src/simulator/pattern), not a backtracking RegExp.
 */
import { testPattern } from './pattern/index.js';

/** The longest sample generated (a TextInput holds 80 characters unless `max-chars` says more). */
const MAX_SAMPLE_LENGTH = 4096;
const MAX_DEPTH = 100;

type Node =
  | { kind: 'chars'; pick: string }
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'repeat'; node: Node; min: number };

class Unsupported extends Error {}

const PRINTABLE = 'aA1 xX-_.@0zZ9';
const COUNT = /\{(\d+)(,(\d*))?\}/y;

/** A string `new RegExp('^(?:' + pattern + ')$')` accepts, or undefined. */
export function sampleForPattern(pattern: string): string | undefined {
  let sample: string;
  try {
    const parser = new Parser(pattern);
    const tree = parser.alternatives();
    if (parser.pos < pattern.length) return undefined;
    sample = generate({ kind: 'group', alternatives: tree });
  } catch {
    return undefined;
  }
  return testPattern(`^(?:${pattern})$`, sample).kind === 'match' ? sample : undefined;
}

function generate(node: Node): string {
  let out: string;
  if (node.kind === 'chars') out = node.pick;
  else if (node.kind === 'repeat') {
    const one = generate(node.node);
    if (one.length * node.min > MAX_SAMPLE_LENGTH) throw new Unsupported();
    out = one.repeat(node.min);
  } else out = node.alternatives[0]!.map(generate).join('');
  if (out.length > MAX_SAMPLE_LENGTH) throw new Unsupported();
  return out;
}

class Parser {
  pos = 0;
  private depth = 0;
  constructor(private readonly src: string) {}

  alternatives(): Node[][] {
    const out: Node[][] = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      out.push(this.sequence());
    }
    return out;
  }

  private sequence(): Node[] {
    const out: Node[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      if (atom) out.push(this.quantified(atom));
    }
    return out;
  }

  private atom(): Node | undefined {
    const c = this.src[this.pos++]!;
    if (c === '^' || c === '$') return undefined;
    if (c === '.') return { kind: 'chars', pick: 'a' };
    if (c === '(') {
      if (this.src[this.pos] === '?') {
        if (this.src[this.pos + 1] !== ':') throw new Unsupported();
        this.pos += 2;
      }
      if (++this.depth > MAX_DEPTH) throw new Unsupported();
      const alternatives = this.alternatives();
      this.depth--;
      if (this.src[this.pos++] !== ')') throw new Unsupported();
      return { kind: 'group', alternatives };
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return { kind: 'chars', pick: this.escape() };
    if ('*+?{'.includes(c)) throw new Unsupported();
    return { kind: 'chars', pick: c };
  }

  private escape(): string {
    const e = this.src[this.pos++];
    if (e === undefined) throw new Unsupported();
    if (e === 'd') return '1';
    if (e === 'w') return 'a';
    if (e === 's') return ' ';
    if (e === 'D' || e === 'W') return '-';
    if (e === 'S') return 'a';
    if (e === 'n') return '\n';
    if (e === 't') return '\t';
    if (/[1-9bBkpPux]/.test(e)) throw new Unsupported();
    return e;
  }

  private charClass(): Node {
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    const members: Array<(ch: string) => boolean> = [];
    let first: string | undefined;
    let closed = false;
    let start = true;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++]!;
      if (c === ']' && !start) {
        closed = true;
        break;
      }
      start = false;
      if (c === '\\') {
        const [test, pick] = classEscape(this.src[this.pos++] ?? '');
        members.push(test);
        first ??= pick;
        continue;
      }
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== undefined && this.src[this.pos + 1] !== ']') {
        const to = this.src[this.pos + 1]!;
        this.pos += 2;
        const lo = c;
        members.push((ch) => ch >= lo && ch <= to);
        first ??= lo;
        continue;
      }
      const only = c;
      members.push((ch) => ch === only);
      first ??= c;
    }
    if (!closed) throw new Unsupported();
    const inClass = (ch: string) => members.some((m) => m(ch));
    if (!negated) return { kind: 'chars', pick: first ?? 'a' };
    const pick = [...PRINTABLE].find((ch) => !inClass(ch));
    if (pick === undefined) throw new Unsupported();
    return { kind: 'chars', pick };
  }

  private quantified(node: Node): Node {
    const c = this.src[this.pos];
    let min: number | undefined;
    if (c === '*' || c === '?') min = 0;
    else if (c === '+') min = 1;
    if (min !== undefined) this.pos++;
    else if (c === '{') {
      COUNT.lastIndex = this.pos;
      const m = COUNT.exec(this.src);
      if (!m) return node;
      min = Number(m[1]);
      this.pos += m[0].length;
    } else return node;
    if (this.src[this.pos] === '?') this.pos++;
    return { kind: 'repeat', node, min };
  }
}

/** A class escape (`\d`, `\w`, `\s` or an escaped character): its test and a member to pick. */
function classEscape(e: string): [(ch: string) => boolean, string] {
  if (e === 'd') return [(ch) => /\d/.test(ch), '1'];
  if (e === 'w') return [(ch) => /\w/.test(ch), 'a'];
  if (e === 's') return [(ch) => /\s/.test(ch), ' '];
  if (e === '' || /[DWSbBpPux]/.test(e)) throw new Unsupported();
  return [(ch) => ch === e, e];
}
