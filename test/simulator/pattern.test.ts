/**
 * Issue 10, finding 8: a flow's TextInput `pattern` is tested in bounded time. Catastrophic patterns finish (the
 * matcher does not backtrack) or are refused with SimulatorPatternError; ordinary patterns answer exactly as
 * `new RegExp(pattern).test(text)` (a seeded property test against RegExp).
 */
import { describe, expect, it } from 'vitest';
import { FlowSimulator, SimulatorInputError, SimulatorPatternError, sampleForPattern, testPattern } from '../../src/simulator/index.js';
import { patternEngine } from '../../src/simulator/pattern/index.js';

/** A one-screen 6.2 flow with a TextInput of that pattern. */
function patternFlow(pattern: string) {
  return {
    version: '6.2',
    screens: [
      {
        id: 'ASK',
        title: 'Ask',
        terminal: true,
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextInput', name: 'code', label: 'Code', 'input-type': 'text', pattern, 'helper-text': 'A code', 'max-chars': 20000 },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: { code: '${form.code}' } } },
          ],
        },
      },
    ],
  };
}

const CATASTROPHIC: Array<[string, string]> = [
  ['^(a+)+$', `${'a'.repeat(28)}!`],
  ['^(a+)+$', `${'a'.repeat(10_000)}!`],
  ['(a|a)*b', 'a'.repeat(5_000)],
  ['^(\\w+\\s?)*$', `${'word '.repeat(2_000)}!`],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', 'a'.repeat(3_000)],
  ['^(a|aa)+$', `${'a'.repeat(3_000)}b`],
  ['^(?=(a+)+$)a', `${'a'.repeat(200)}!`],
  ['(.*a){12}', `${'a'.repeat(11)}${'x'.repeat(2_000)}`],
];

describe('catastrophic patterns', () => {
  it.each(CATASTROPHIC)('%s finishes on a hostile text, with RegExp’s answer (no match)', (pattern, text) => {
    expect(testPattern(pattern, text)).toEqual({ kind: 'no-match' });
    expect(testPattern(pattern, text.replace(/[!b]$/, '').slice(0, 10) || 'a')).toEqual({ kind: new RegExp(pattern).test(text.replace(/[!b]$/, '').slice(0, 10) || 'a') ? 'match' : 'no-match' });
  });

  it('fill() answers at once: the pattern failure of SimulatorInputError, not a frozen process', async () => {
    const sim = new FlowSimulator({ flowJson: patternFlow('^(a+)+$') });
    await sim.open();
    const error = (() => {
      try {
        sim.fill({ code: `${'a'.repeat(5_000)}!` });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SimulatorInputError);
    expect((error as SimulatorInputError).rule).toBe('pattern');
    sim.fill({ code: 'aaaa' });
  });

  it('a pattern only a backtracking matcher can run, with nested quantifiers, is refused: "pattern too slow"', async () => {
    const sim = new FlowSimulator({ flowJson: patternFlow('^(a+)+\\1$') });
    await sim.open();
    let error: unknown;
    try {
      sim.fill({ code: `${'a'.repeat(40)}!` });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulatorPatternError);
    expect((error as SimulatorPatternError).message).toMatch(/^Screen ASK: TextInput 'code': pattern too slow to check: "\^\(a\+\)\+\\\\1\$": .*back-reference.*nested quantifiers/);
    expect((error as SimulatorPatternError).field).toBe('code');
    // runAuto (what the emulator's /_emulator/complete runs) reports it too.
    const auto = new FlowSimulator({ flowJson: patternFlow('^(a+)+\\1$') });
    await auto.open();
    await expect(auto.runAuto()).rejects.toBeInstanceOf(SimulatorPatternError);
  });

  it('a text that would take more than the step budget is refused', () => {
    const pattern = '^(?:[ab]?){1000}(?:[ab]?){1000}(?:[ab]?){1000}(?:[ab]?){1000}c';
    expect(testPattern(pattern, 'a'.repeat(1_000))).toMatchObject({ kind: 'refused', detail: expect.stringMatching(/takes more than \d+ steps/) });
    expect(testPattern(pattern, 'aac')).toEqual({ kind: 'match' });
  });

  it('outside the subset, RegExp runs only statically safe patterns', () => {
    expect(['^(\\d)\\1$', '^\\d{1,5000}$', '(?:a{1000}){20}', '\\p{L}'].map(patternEngine)).toEqual(['regexp', 'regexp', 'refused', 'regexp']);
    expect(testPattern('^(\\d)\\1$', '11')).toEqual({ kind: 'match' });
    expect(testPattern('^(\\d)\\1$', '12')).toEqual({ kind: 'no-match' });
    expect(testPattern('^\\d{1,5000}$', '1'.repeat(4_000))).toEqual({ kind: 'match' });
    expect(testPattern('(?:a{1000}){20}', 'a')).toMatchObject({ kind: 'refused' });
    expect(testPattern('^(a*)\\1*b*$', 'a')).toMatchObject({ kind: 'refused', detail: expect.stringMatching(/repeating quantifiers/) });
    expect(testPattern('(', 'a')).toEqual({ kind: 'invalid' });
  });
});

describe('huge patterns (a Flow JSON may be 10 MB)', () => {
  it('compile in bounded time and size, and are refused when they could backtrack', () => {
    expect(testPattern(`${'b|'.repeat(200_000)}a`, 'xa')).toEqual({ kind: 'match' });
    expect(testPattern(`(${'b|'.repeat(200_000)}a)*c`, 'a'.repeat(60))).toMatchObject({ kind: 'refused' });
    expect(testPattern(`${'('.repeat(50_000)}a${')'.repeat(50_000)}`, 'a').kind).toMatch(/^(match|invalid)$/);
    expect(testPattern('a{1}'.repeat(100_000), 'a'.repeat(100_000)).kind).toMatch(/^(match|refused)$/);
    expect(testPattern('a{1}'.repeat(1_000), 'a'.repeat(1_000))).toEqual({ kind: 'match' });
  });
});

describe('the same answers as RegExp', () => {
  const EDGE = [
    'a{', 'a{,3}', 'x{2}', 'x{2,}', 'x{1,2}?y', ']', '[]', '[^]', '[]a]', '[a-]', '[-a]', '\\cJ', '\\x41', '\\u0041', '\\0',
    '[\\b]', '(?<n>ab)', '\\bab\\b', '\\Bb', '^$', '', 'a|', '|', '(?:)', '[\\d-]', '[\\w.]+@x', '.', '\\s', '\\S+', '\\W',
    '[^\\s\\d]', 'a??b', 'a*?$', '(?!a)..', '(?<=a)b', '(?<!a)b', '(?<=^a+)b', '(?<=(?=ab)a)b', '\\$\\^\\.\\*', '\\/', '[\\]]',
    '^(19|20)\\d\\d-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$', '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$', '^(?=.*[A-Z])(?=.*\\d)[^\\s]{8,}$',
  ];
  const TEXTS = ['', 'a', 'ab', 'b', ']', 'a{', 'a{,3}', 'xx', 'xxy', '\n', '\u2028', ' \t', '\u00a0', 'A', '\0', '\b', 'ab ab', 'x@x',
    '1993-08-04', 'GB82WEST12345698765432', 'Passw0rdX', 'aab', '-', '$^.*', '/', 'é', '\ud83d\ude00'];

  it.each(EDGE)('%s', (pattern) => {
    const regexp = new RegExp(pattern);
    expect(patternEngine(pattern)).toBe('linear');
    for (const text of TEXTS) expect([text, testPattern(pattern, text).kind]).toEqual([text, regexp.test(text) ? 'match' : 'no-match']);
  });

  it('\\d \\D \\w \\W \\s \\S . and \\b hold for every UTF-16 code unit as in RegExp', () => {
    for (const pattern of ['\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '.', '[^\\s\\d]', 'a\\b']) {
      const regexp = new RegExp(`^${pattern}$`);
      const differ: number[] = [];
      for (let unit = 0; unit <= 0xffff; unit++) {
        const text = pattern === 'a\\b' ? `a${String.fromCharCode(unit)}` : String.fromCharCode(unit);
        const expected = pattern === 'a\\b' ? new RegExp(pattern).test(text) : regexp.test(text);
        if ((testPattern(pattern === 'a\\b' ? pattern : `^${pattern}$`, text).kind === 'match') !== expected) differ.push(unit);
      }
      expect([pattern, differ]).toEqual([pattern, []]);
    }
  });

  it('on 3000 random patterns of the subset and 12 texts each (seeded)', () => {
    const random = mulberry32(20261202);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const ATOMS = ['a', 'b', 'c', '.', '[ab]', '[^a]', '[a-c]', '\\d', '\\w', '\\s', '\\W', '1', ' ', '-', '\\.'];
    const QUANTIFIERS = ['', '', '', '?', '*', '+', '{2}', '{1,}', '{0,2}', '*?', '+?', '{1,3}?'];
    const term = (depth: number): string => {
      const r = random();
      if (depth > 0 && r < 0.12) return `(${alternation(depth - 1)})${pick(QUANTIFIERS)}`;
      if (depth > 0 && r < 0.18) return `(?:${alternation(depth - 1)})${pick(QUANTIFIERS)}`;
      if (depth > 0 && r < 0.22) return `(${pick(['?=', '?!', '?<=', '?<!'])}${alternation(depth - 1)})`;
      if (r < 0.27) return pick(['^', '$', '\\b', '\\B']);
      return `${pick(ATOMS)}${pick(QUANTIFIERS)}`;
    };
    const sequence = (depth: number) => Array.from({ length: 1 + Math.floor(random() * 4) }, () => term(depth)).join('');
    const alternation = (depth: number): string => (random() < 0.2 ? `${sequence(depth)}|${sequence(depth)}` : sequence(depth));
    const text = () => Array.from({ length: Math.floor(random() * 9) }, () => pick(['a', 'b', 'c', '1', ' ', '-', '.', '_', '\n'])).join('');
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const pattern = alternation(3);
      const regexp = new RegExp(pattern);
      expect([pattern, patternEngine(pattern)]).toEqual([pattern, 'linear']);
      for (let j = 0; j < 12; j++) {
        const t = text();
        const verdict = testPattern(pattern, t);
        expect({ pattern, text: t, verdict: verdict.kind }).toEqual({ pattern, text: t, verdict: regexp.test(t) ? 'match' : 'no-match' });
        compared++;
      }
    }
    expect(compared).toBe(36_000);
  });
});

describe('auto-answer samples are bounded', () => {
  it.each(['a{99999999}', '(a{1000}){1000}', `${'('.repeat(100_000)}a${')'.repeat(100_000)}`, `${'a{1}'.repeat(50_000)}`])('%#: finishes, no sample', (pattern) => {
    expect(sampleForPattern(pattern.length > 100 ? pattern : pattern)).toBeUndefined();
  });

  it('a catastrophic pattern still gets a sample, checked by the linear matcher', () => {
    expect(sampleForPattern('^(a+)+$')).toBe('a');
    expect(sampleForPattern('^(\\w+\\s?)*$')).toBe('');
  });
});

/** A small seeded PRNG (Mulberry32), so a failure names a pattern that can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
