import { compile, type Program } from './program.js';
import { parsePattern, Unsupported } from './syntax.js';
import { safeForRegExp } from './fallback.js';
import { search, TooSlow } from './vm.js';

/**
 * Testing a flow's TextInput `pattern` against a text in bounded time (issue 10, finding 8: `new RegExp` on
 * `^(a+)+$` and 28 a's and a `!` took 12 s, doubling per character, and froze the emulator).
 *
 * Choice: an in-process, backtracking-free matcher (a Pike VM) rather than RegExp in a worker with a deadline.
 * The simulator is runtime-neutral (no worker_threads), a worker per keystroke is costly, and a linear-time
 * engine gives the right answer where a deadline only gives up. It covers what input patterns use (syntax.ts) and
 * answers exactly as `new RegExp(pattern).test(text)` (a property test checks it against RegExp); every run has a
 * step budget (MAX_STEPS). A pattern outside that subset runs on RegExp only when it is statically safe
 * (fallback.ts); otherwise, like a run past its budget, it is refused (`refused`), never run.
 */

export type PatternVerdict =
  | { kind: 'match' }
  | { kind: 'no-match' }
  /** JavaScript cannot compile the pattern (the validator reports it; the simulator does not check it). */
  | { kind: 'invalid' }
  /** Not checked: too slow to check (`detail` says why). */
  | { kind: 'refused'; detail: string };

/** Steps one test may take: about 100 ms on a slow machine; an 80-character text needs a few thousand. */
export const MAX_STEPS = 2_000_000;

type Compiled = { kind: 'program'; program: Program } | { kind: 'regexp'; regexp: RegExp } | { kind: 'invalid' } | { kind: 'refused'; detail: string };

/** Compiled patterns, most recent last (a session tests the same few patterns on every fill and submit). */
const cache = new Map<string, Compiled>();
const CACHE_SIZE = 64;
/** Longer patterns are compiled each time rather than kept (a Flow JSON may be 10 MB). */
const CACHE_PATTERN_LENGTH = 4096;

/** `new RegExp(pattern).test(text)`, answered in bounded time or refused. */
export function testPattern(pattern: string, text: string): PatternVerdict {
  const compiled = compiledPattern(pattern);
  if (compiled.kind === 'invalid' || compiled.kind === 'refused') return compiled;
  if (compiled.kind === 'regexp') {
    try {
      return { kind: compiled.regexp.test(text) ? 'match' : 'no-match' };
    } catch {
      // V8 compiles on first use: a huge pattern can fail there ("Stack overflow"), with the pattern in the message.
      return { kind: 'refused', detail: 'JavaScript’s RegExp fails on a pattern this large' };
    }
  }
  try {
    return { kind: search(compiled.program, text, MAX_STEPS) ? 'match' : 'no-match' };
  } catch (error) {
    if (error instanceof TooSlow) return { kind: 'refused', detail: `checking ${text.length} characters takes more than ${MAX_STEPS} steps` };
    throw error;
  }
}

/** Which engine a pattern runs on (for tests and diagnostics): the linear matcher, RegExp (statically safe), or none. */
export function patternEngine(pattern: string): 'linear' | 'regexp' | 'invalid' | 'refused' {
  const { kind } = compiledPattern(pattern);
  return kind === 'program' ? 'linear' : kind;
}

function compiledPattern(pattern: string): Compiled {
  if (pattern.length > CACHE_PATTERN_LENGTH) return compilePattern(pattern);
  let compiled = cache.get(pattern);
  if (!compiled) {
    compiled = compilePattern(pattern);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(pattern, compiled);
  }
  return compiled;
}

function compilePattern(pattern: string): Compiled {
  let regexp: RegExp;
  try {
    regexp = new RegExp(pattern);
  } catch {
    return { kind: 'invalid' };
  }
  try {
    return { kind: 'program', program: compile(parsePattern(pattern)) };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    const safety = safeForRegExp(pattern);
    if (safety.safe) return { kind: 'regexp', regexp };
    return { kind: 'refused', detail: `the linear-time matcher cannot take it (${error.what}), and on a backtracking matcher ${safety.why} can take exponential time` };
  }
}
