/**
 * Sets of UTF-16 code units for the pattern matcher, as sorted, merged, inclusive ranges. A pattern without flags
 * (a TextInput `pattern` has none) matches code units, case-sensitively; `\d`, `\w`, `\s` and `.` are the ones
 * ECMAScript defines for that mode.
 */
export type Ranges = ReadonlyArray<readonly [number, number]>;

const MAX_UNIT = 0xffff;

export const DIGIT: Ranges = [[0x30, 0x39]];
export const WORD: Ranges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
/** ECMAScript WhiteSpace and LineTerminator (`\s`). */
export const SPACE: Ranges = normalize([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
/** `.`: anything but a line terminator. */
export const DOT: Ranges = complement([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);
export const ANY: Ranges = [[0, MAX_UNIT]];

/** Sorted, overlapping and adjacent ranges merged. */
export function normalize(ranges: Iterable<readonly [number, number]>): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** Every code unit not in `ranges`. */
export function complement(ranges: Ranges): Ranges {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_UNIT) out.push([next, MAX_UNIT]);
  return out;
}

/** Whether `unit` is in `ranges` (binary search). */
export function contains(ranges: Ranges, unit: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid]!;
    if (unit < range[0]) hi = mid - 1;
    else if (unit > range[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export function isWordUnit(unit: number): boolean {
  return contains(WORD, unit);
}
