import { describe, expect, it } from 'vitest';
import { isGlob, matchesGlob, splitGlob } from '../../src/cli/glob.js';

describe('CLI glob matcher', () => {
  it.each([
    ['*.json', 'a.json', true],
    ['*.json', 'dir/a.json', false],
    ['*.json', '.hidden.json', false],
    ['**/*.json', 'a.json', true],
    ['**/*.json', 'x/y/z/a.json', true],
    ['**/*.json', 'x/.git/a.json', false],
    ['flows/**', 'flows/a/b.json', true],
    ['flows/**/a.json', 'flows/a.json', true],
    ['?.json', 'a.json', true],
    ['?.json', 'ab.json', false],
    ['{a,b}.json', 'b.json', true],
    ['{a,b}.json', 'c.json', false],
    ['{a,b{1,2}}.json', 'b2.json', true],
    ['[ab].json', 'a.json', true],
    ['[!ab].json', 'a.json', false],
    ['*.flow.json', 'x.flow.json', true],
    ['a+b(1).json', 'a+b(1).json', true],
    ['a.json', 'aXjson', false],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(matchesGlob(pattern, path)).toBe(expected);
  });

  it('splits a pattern into the directory to walk and the rest', () => {
    expect(splitGlob('flows/**/*.json')).toEqual({ base: 'flows', rest: '**/*.json' });
    expect(splitGlob('*.json')).toEqual({ base: '.', rest: '*.json' });
    expect(splitGlob('/tmp/x/{a,b}.json')).toEqual({ base: '/tmp/x', rest: '{a,b}.json' });
    expect(isGlob('flows/a.json')).toBe(false);
    expect(isGlob('flows/*.json')).toBe(true);
  });
});
