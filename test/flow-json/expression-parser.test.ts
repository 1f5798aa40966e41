import { describe, expect, it } from 'vitest';
import { checkExpression, inferType, type CheckOptions } from '../../src/flow-json/expressions/expression-checks.js';
import { parseExpression, parseNestedExpression, type ExpressionNode } from '../../src/flow-json/expressions/expression-parser.js';
import { scanReferences } from '../../src/flow-json/references/reference-scan.js';
import { findReferences } from '../../src/flow-json/references/binding-syntax.js';

/** Errors of a condition (`If.condition`) or, for backtick values, of a nested expression: parse, then check. */
function errors(source: string, typeOf?: CheckOptions['typeOf']): string[] {
  const nested = source.startsWith('`');
  const parsed = nested ? parseNestedExpression(source, 'text') : parseExpression(source);
  if (!parsed.ok) return [parsed.error.message];
  return checkExpression(source, parsed.ast, { mode: nested ? 'nested' : 'condition', typeOf }).map((e) => e.message);
}

/** A compact rendering of the AST: `(a op b)`, `!x`, `[a b]` for concatenation, `{x}` for parentheses. */
function show(node: ExpressionNode): string {
  switch (node.kind) {
    case 'literal':
      return node.type === 'string' ? `'${node.value}'` : String(node.value);
    case 'reference':
      return node.ref.text;
    case 'not':
      return `!${show(node.operand)}`;
    case 'binary':
      return `(${show(node.left)} ${node.operator} ${show(node.right)})`;
    case 'concat':
      return `[${node.parts.map(show).join(' ')}]`;
    case 'group':
      return `{${show(node.expression)}}`;
  }
}

function ast(source: string): string {
  const parsed = source.startsWith('`') ? parseNestedExpression(source) : parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return show(parsed.ast);
}

describe('parseExpression', () => {
  it('builds an AST with the precedence of §2.6 (&& tighter than ||, arithmetic tighter than comparison)', () => {
    expect(ast('${data.a} || ${data.b} && ${data.c}')).toBe('(${data.a} || (${data.b} && ${data.c}))');
    expect(ast('${data.a} + 2 * 3 >= 10 == true')).toBe('(((${data.a} + (2 * 3)) >= 10) == true)');
    expect(ast('!${data.a} && (${form.b} != \'x\')')).toBe("(!${data.a} && {(${form.b} != 'x')})");
    expect(ast('${data.a} - -1.5 % 2')).toBe('(${data.a} - (-1.5 % 2))');
    expect(ast('${screen.FIRST.form.name} == ${screen.FIRST.data.name}')).toBe('(${screen.FIRST.form.name} == ${screen.FIRST.data.name})');
  });

  it('reads juxtaposed operands as string concatenation, and backtick escapes in strings', () => {
    expect(ast("` 'The sum is ' (${data.a} + ${data.b})`")).toBe("['The sum is ' {(${data.a} + ${data.b})}]");
    expect(ast("`${form.first_name} ' you are ' ${form.age} ' years old.' `")).toBe("[${form.first_name} ' you are ' ${form.age} ' years old.']");
    expect(ast("`'It\\`s ' ${data.name}`")).toBe("['It`s ' ${data.name}]");
  });

  it('keeps positions in the whole value, so the opening backtick is column 1', () => {
    const parsed = parseNestedExpression('`${data.a} == 1`');
    expect(parsed.ok && parsed.ast.kind === 'binary' && [parsed.ast.start, parsed.ast.operatorStart, parsed.ast.end]).toEqual([1, 11, 15]);
  });

  it("reports syntax errors with Meta's messages and 1-based columns", () => {
    expect(errors('')).toEqual(["Expected property 'condition' to contain at least one operand."]);
    expect(errors('`  `')).toEqual(["Expected property 'text' to contain at least one operand."]);
    expect(errors('${data.a} && ()')).toEqual(['Found invalid empty parentheses at column 14.']);
    expect(errors('${data.a} == 1)')).toEqual(['Missing opening parenthesis for the closing parenthesis at column 15.']);
    expect(errors(')')).toEqual(['Missing opening parenthesis for the closing parenthesis at column 1.']);
    expect(errors('(${data.a} == 1')).toEqual(['Missing closing parenthesis.']);
    expect(errors("${data.a} == 'cat")).toEqual(['Missing closing quote for string.']);
    expect(errors('${data.a} = 1')).toEqual(["Invalid operator '=' found at column 11."]);
    expect(errors('${data.a} === 1')).toEqual(["Invalid operator '===' found at column 11."]);
    expect(errors('${data.a} & ${data.b}')).toEqual(["Invalid operator '&' found at column 11."]);
    expect(errors('&& ${data.a}')).toEqual(["Invalid operator '&&' found at column 1."]);
    expect(errors('cat == ${data.a}')).toEqual(["Invalid operand format 'cat' found at column 1."]);
    expect(errors('${data} == 1')).toEqual(["Invalid operand format '${data}' found at column 1."]);
    expect(errors('${data.a == 1')).toEqual(["Invalid operand format '${data.a == 1' found at column 1."]);
    expect(errors('${data.a} # 1')).toEqual(["Unexpected character '#' found at column 11."]);
    expect(errors('$data.a')).toEqual(["Unexpected character '$' found at column 1."]);
    expect(errors('null == ${data.a}')).toEqual(["Invalid literal 'null'."]);
    expect(errors('${data.a} == "cat"')).toEqual(['Invalid literal \'"cat"\'.']);
    expect(errors('${data.a} ==')).toEqual(["Missing operand after last operator '=='."]);
    expect(errors('(${data.a} ==)')).toEqual(["Missing operand after last operator '=='."]);
    expect(errors('!')).toEqual(["Missing operand after last operator '!'."]);
    expect(errors('-${data.a} == 1')).toEqual(['A numerical value is expected to follow the negative sign.']);
  });
});

describe('checkExpression', () => {
  const typeOf: CheckOptions['typeOf'] = (ref) => (ref.kind === 'data' ? ({ s: 'string', n: 'number', b: 'boolean' } as const)[ref.field as 's'] : undefined);

  it("accepts Meta's example expressions", () => {
    expect(errors("(${data.value} && (${form.animal} == 'cat'))")).toEqual([]);
    expect(errors("(${screen.SELECT_INSURANCE.form.insurance} != '')")).toEqual([]);
    expect(errors('`(${form.number} == 42)`')).toEqual([]);
    expect(errors("` 'The sum of ' ${data.n} ' and ' ${data.n} ' is ' (${data.n} + ${data.n})`", typeOf)).toEqual([]);
    expect(errors("` 'Hello ' ${form.first_name}`")).toEqual([]);
    expect(errors('`${data.a} ${data.b}`')).toEqual([]);
  });

  it('reports literals on both sides of an operator, at the operator column', () => {
    expect(errors('1 == 2')).toEqual(['An operator cannot not have literals on both sides. Found invalid syntax at column 3.']);
    expect(errors("`('a' == 'a')`")).toEqual(['An operator cannot not have literals on both sides. Found invalid syntax at column 7.']);
  });

  it('reports operators next to a concatenation and missing operators', () => {
    expect(errors("`'x' ${data.a} + 1`")).toEqual(["Wrong positioning of operator '+'. It cannot be used in concatenation with ''x''."]);
    expect(errors("`${data.a} == 1 'x'`")).toEqual(["Wrong positioning of operator '=='. It cannot be used in concatenation with ''x''."]);
    expect(errors('`1 2`')).toEqual(["Missing operator between '1' and '2'."]);
    expect(errors("${form.animal} 'cat'")).toEqual(["Missing operator between '${form.animal}' and ''cat''."]);
  });

  it('reports == and != between operands of different known types', () => {
    expect(errors('${data.s} == 1', typeOf)).toEqual(["Type mismatch in an equality operation between '${data.s}' and '1' at column 11."]);
    expect(errors("`${data.b} != 'yes'`", typeOf)).toEqual(["Type mismatch in an equality operation between '${data.b}' and ''yes'' at column 12."]);
    expect(errors('${data.n} == 1', typeOf)).toEqual([]);
    expect(errors("${form.x} == 1", typeOf)).toEqual([]);
  });

  it('requires a condition to be boolean and not a lone literal', () => {
    expect(errors('true')).toEqual(['The only operand is a literal value. Expected single operand to be a boolean.']);
    expect(errors("('yes')")).toEqual(['The only operand is a literal value. Expected single operand to be a boolean.']);
    expect(errors('!false')).toEqual(['The only operand is a literal value. Expected single operand to be a boolean.']);
    expect(errors('${data.s}', typeOf)).toEqual(['Expected single operand to be a boolean.']);
    expect(errors('${data.n} + 1', typeOf)).toEqual(['Expected single operand to be a boolean.']);
    expect(errors('${data.b}', typeOf)).toEqual([]);
    expect(errors('${form.agree}', typeOf)).toEqual([]);
  });

  it('infers result types', () => {
    const parsed = parseNestedExpression("`'a' ${data.x}`");
    expect(parsed.ok && inferType(parsed.ast)).toBe('string');
  });
});

describe('scanReferences', () => {
  it('finds the same references as findReferences', () => {
    const samples = [
      'plain',
      '${data.a}',
      '${ data.a.b.c }',
      "`'x' ${form.name} ' y ' ${screen.FIRST.data.user.name}`",
      '${screen.FIRST.form.x}${data.b}',
      '${a ${data.b}',
      '${data.}',
      '${screen.X.data}',
      '${data.a-b_c9} ${form.é} ${unknown.x}',
      '${data.a',
      '}${data.a}{',
    ];
    for (const text of samples) {
      expect(scanReferences(text), text).toEqual(findReferences(text));
      expect(scanReferences(text), `${text} (memoised)`).toEqual(findReferences(text));
    }
  });
});
