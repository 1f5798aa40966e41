import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateNested, sampleForPattern, type ReferenceLookup } from '../../src/simulator/index.js';

const values: Record<string, unknown> = { 'data.n': 10, 'data.zero': 0, 'data.name': 'Ana', 'data.flag': true, 'form.age': 30, 'screen.A.form.x': 'standard' };
const lookup: ReferenceLookup = (ref) => values[ref.kind === 'screen' ? `screen.${ref.screen}.${ref.scope}.${ref.field}` : `${ref.kind}.${ref.field}`];
const nested = (expr: string) => evaluateNested(`\`${expr}\``, lookup);

describe('nested expressions', () => {
  it('arithmetic on numbers; division and modulo by zero give 0', () => {
    expect(nested('${data.n} + 5')).toBe(15);
    expect(nested('${data.n} - 15')).toBe(-5);
    expect(nested('${data.n} * 3')).toBe(30);
    expect(nested('${data.n} / 4')).toBe(2.5);
    expect(nested('${data.n} % 4')).toBe(2);
    expect(nested('${data.n} / ${data.zero}')).toBe(0);
    expect(nested('${data.n} % 0')).toBe(0);
    expect(nested('${data.n} / ${data.missing}')).toBe(0);
    expect(nested('(${data.n} + 2) * 2')).toBe(24);
    expect(nested('${data.n} + -2')).toBe(8);
  });

  it('comparisons and boolean logic; && binds tighter than ||', () => {
    expect(nested('${data.n} > 5')).toBe(true);
    expect(nested('${data.n} <= 9')).toBe(false);
    expect(nested('${data.n} >= 10 && ${data.flag}')).toBe(true);
    expect(nested('!${data.flag}')).toBe(false);
    expect(nested('${data.flag} || false && false')).toBe(true);
    expect(nested("${data.name} == 'Ana'")).toBe(true);
    expect(nested("${data.name} != 'Bo'")).toBe(true);
  });

  it('equality needs one type; a missing value is the empty value of the other side', () => {
    expect(nested("${data.n} == '10'")).toBe(false);
    expect(nested("${data.missing} == ''")).toBe(true);
    expect(nested('${data.missing} == 0')).toBe(true);
    expect(nested('${data.missing} == false')).toBe(true);
    expect(nested("${data.missing} != 'x'")).toBe(true);
  });

  it('concatenation by juxtaposition', () => {
    expect(nested("'Hello ' ${data.name} '!'")).toBe('Hello Ana!');
    expect(nested("'Age: ' ${form.age} ', next year ' (${form.age} + 1)")).toBe('Age: 30, next year 31');
    expect(nested("'[' ${data.missing} ']'")).toBe('[]');
    expect(nested("'It\\'s ' ${data.flag}")).toBe("It's true");
  });

  it('If conditions, with or without backticks, and global references', () => {
    expect(evaluateCondition("(${screen.A.form.x} != '')", lookup)).toBe(true);
    expect(evaluateCondition("${screen.B.form.x} != ''", lookup)).toBe(false);
    expect(evaluateCondition('`${data.n} > 3`', lookup)).toBe(true);
    expect(() => evaluateCondition('${data.n} >', lookup)).toThrow(/Missing operand/);
  });
});

describe('pattern samples for auto answers', () => {
  it.each([
    '^(19|20)[0-9]{2}$',
    '^(19|20)\\d\\d-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$',
    '^.+@example\\.com$',
    '^.{8,64}$',
    '^HB-[0-9]{6}$',
    '^[A-Z0-9 ]{2,8}$',
    '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$',
    '^[^0-9]+$',
    '(?:ab|cd)+x?',
  ])('%s', (pattern) => {
    const sample = sampleForPattern(pattern);
    expect(sample).toBeDefined();
    expect(new RegExp(`^(?:${pattern})$`).test(sample!)).toBe(true);
  });

  it('gives undefined for what it does not handle', () => {
    expect(sampleForPattern('(a)\\1')).toBeUndefined();
    expect(sampleForPattern('^(?=x)x$')).toBeUndefined();
    expect(sampleForPattern('[')).toBeUndefined();
  });
});
