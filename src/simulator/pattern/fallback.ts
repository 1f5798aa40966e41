/**
 * Whether a pattern outside the matcher's subset (a back-reference, an Annex B oddity, a count above 1000) may
 * still be run with JavaScript's backtracking RegExp. Catastrophic backtracking needs a repeated part that can
 * match the same text in several ways: a group repeated more than once that holds a repeating quantifier or an
 * alternation (`(a+)+`, `(a|a)*`, `(\d+){2}`), or two repeating quantifiers anywhere (`\d*\d*\d*!` is polynomial
 * with a degree that grows with their number). A pattern with neither is safe: at most one repeating quantifier,
 * no repeated risky group. Read lexically (escapes and classes skipped), without building a tree.
 */
export function safeForRegExp(pattern: string): { safe: true } | { safe: false; why: string } {
  const groups: boolean[] = []; // per open group: holds a repeating quantifier or an alternation
  let repeating = 0;
  let closed: boolean | undefined; // the group that just closed, while its quantifier may follow
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const after = closed;
    closed = undefined;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') groups.push(false);
    else if (c === ')') closed = groups.pop() ?? false;
    else if (c === '|') {
      if (groups.length) groups[groups.length - 1] = true;
    } else {
      const max = quantifierMax(pattern, i);
      if (max === undefined) continue;
      if (max > 1) {
        if (after) return { safe: false, why: 'a repeated group that holds a repeating quantifier or an alternation (nested quantifiers)' };
        repeating++;
        groups.fill(true);
      }
    }
  }
  if (repeating > 1) return { safe: false, why: `${repeating} repeating quantifiers` };
  return { safe: true };
}

const COUNT = /\{(\d+)(?:(,)(\d*))?\}/y;

/** The largest count of a quantifier at `i` (`?` 1, `*` `+` `{n,}` Infinity), or undefined when none starts there. */
function quantifierMax(pattern: string, i: number): number | undefined {
  const c = pattern[i];
  if (c === '?') return pattern[i - 1] === '(' ? undefined : 1;
  if (c === '*' || c === '+') return Infinity;
  if (c !== '{') return undefined;
  COUNT.lastIndex = i;
  const m = COUNT.exec(pattern);
  if (!m) return undefined;
  return m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
}
