/** The category case table through src/platform/categories.ts. */
import { describe, expect, it } from 'vitest';
import { categoriesProblem } from '../../src/platform/categories.js';
import { CATEGORY_CASES } from './category-cases.js';

describe('category cases through src/platform/categories.ts', () => {
  it.each(CATEGORY_CASES.map((c) => [JSON.stringify(c.categories), c] as const))('%s', (_name, c) => {
    const problem = categoriesProblem(c.categories);
    if (c.expected === 'ok') expect(problem).toBeUndefined();
    else {
      expect(problem?.message).toContain(c.expected.problem);
      expect(problem?.suggestion).toBe(c.expected.suggestion);
    }
  });

  it('an empty list is refused', () => {
    expect(categoriesProblem([])?.message).toMatch(/at least one category/);
  });
});
