import type { Reference } from '../references/binding-syntax.js';
import { nodeText, type ExpressionError, type ExpressionNode } from './expression-parser.js';

/**
 * Meta's rules on a parsed expression beyond the grammar (flows-platform §2.6, messages of §2.12, all
 * `INVALID_PROPERTY_VALUE`): no operator between two literals, no operator next to a concatenation, `==`/`!=`
 * operands of one type, and for `If` conditions no concatenation, at least one dynamic operand and a boolean
 * result. Columns are 1-based columns of the property value, as in the parser.
 */

export type ValueType = 'string' | 'number' | 'boolean';

export interface CheckOptions {
  /** `nested`: a backtick expression (concatenation allowed); `condition`: an `If.condition`. */
  mode: 'nested' | 'condition';
  /** The type of a reference's value when the data model says it; undefined when unknown. */
  typeOf?: (ref: Exclude<Reference, { kind: 'invalid' }>) => ValueType | undefined;
}

const COMPARISON = new Set(['||', '&&', '==', '!=', '<', '<=', '>', '>=']);

/** The type an expression evaluates to, when it can be told without values. */
export function inferType(node: ExpressionNode, typeOf?: CheckOptions['typeOf']): ValueType | undefined {
  switch (node.kind) {
    case 'literal':
      return node.type;
    case 'reference':
      return typeOf?.(node.ref);
    case 'group':
      return inferType(node.expression, typeOf);
    case 'not':
      return 'boolean';
    case 'binary':
      return COMPARISON.has(node.operator) ? 'boolean' : 'number';
    case 'concat':
      return 'string';
  }
}

/** Every rule violation in the expression, in source order of discovery. */
export function checkExpression(source: string, ast: ExpressionNode, options: CheckOptions): ExpressionError[] {
  const errors: ExpressionError[] = [];
  const text = (n: ExpressionNode) => nodeText(source, n);

  const visit = (node: ExpressionNode): void => {
    switch (node.kind) {
      case 'group':
        return visit(node.expression);
      case 'not':
        return visit(node.operand);
      case 'binary': {
        visit(node.left);
        visit(node.right);
        const column = node.operatorStart + 1;
        const left = unwrap(node.left);
        const right = unwrap(node.right);
        if (left.kind === 'literal' && right.kind === 'literal') {
          errors.push({ message: `An operator cannot not have literals on both sides. Found invalid syntax at column ${column}.`, column });
        } else if (node.operator === '==' || node.operator === '!=') {
          const lt = inferType(node.left, options.typeOf);
          const rt = inferType(node.right, options.typeOf);
          if (lt && rt && lt !== rt) {
            errors.push({ message: `Type mismatch in an equality operation between '${text(node.left)}' and '${text(node.right)}' at column ${column}.`, column });
          }
        }
        return;
      }
      case 'concat':
        node.parts.forEach(visit);
        return checkConcat(node.parts);
      default:
        return;
    }
  };

  const checkConcat = (parts: ExpressionNode[]): void => {
    for (let i = 1; i < parts.length; i++) {
      const a = rightmost(parts[i - 1]!);
      const b = leftmost(parts[i]!);
      // Juxtaposition concatenates strings (nested expressions only); two numbers/booleans side by side, or any
      // juxtaposition in an If condition (which has no concatenation), lack an operator.
      if (options.mode === 'condition' || (isScalarLiteral(a) && isScalarLiteral(b))) {
        errors.push({ message: `Missing operator between '${text(a)}' and '${text(b)}'.` });
        return;
      }
    }
    const i = parts.findIndex((p) => p.kind === 'binary' || p.kind === 'not');
    if (i >= 0) {
      const part = parts[i]!;
      const operator = part.kind === 'binary' ? part.operator : '!';
      const neighbour = parts[i > 0 ? i - 1 : i + 1]!;
      errors.push({ message: `Wrong positioning of operator '${operator}'. It cannot be used in concatenation with '${text(neighbour)}'.` });
    }
  };

  visit(ast);
  if (options.mode === 'condition' && errors.length === 0) {
    if (!hasReference(ast)) {
      // No dynamic operand at all (`true`, `!false`): Meta's message for a condition made of a literal.
      errors.push({ message: 'The only operand is a literal value. Expected single operand to be a boolean.' });
    } else {
      const type = inferType(ast, options.typeOf);
      if (type && type !== 'boolean') errors.push({ message: 'Expected single operand to be a boolean.' });
    }
  }
  return errors;
}

function hasReference(node: ExpressionNode): boolean {
  switch (node.kind) {
    case 'reference':
      return true;
    case 'literal':
      return false;
    case 'group':
      return hasReference(node.expression);
    case 'not':
      return hasReference(node.operand);
    case 'binary':
      return hasReference(node.left) || hasReference(node.right);
    case 'concat':
      return node.parts.some(hasReference);
  }
}

function unwrap(node: ExpressionNode): ExpressionNode {
  return node.kind === 'group' ? unwrap(node.expression) : node;
}

function isScalarLiteral(node: ExpressionNode): boolean {
  return node.kind === 'literal' && node.type !== 'string';
}

function rightmost(node: ExpressionNode): ExpressionNode {
  if (node.kind === 'binary') return rightmost(node.right);
  if (node.kind === 'concat') return rightmost(node.parts.at(-1)!);
  if (node.kind === 'not') return rightmost(node.operand);
  return node;
}

function leftmost(node: ExpressionNode): ExpressionNode {
  if (node.kind === 'binary') return leftmost(node.left);
  if (node.kind === 'concat') return leftmost(node.parts[0]!);
  return node;
}
