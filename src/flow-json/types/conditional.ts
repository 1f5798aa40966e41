/**
 * Conditional components `If` and `Switch` (Flow JSON ≥ 4.0; Meta: Flow JSON components, Conditional) and the
 * nesting rules between them. The component sets come from each version file.
 */
import type { Binding, NonEmptyArray } from './common.js';

/**
 * `If` (≥ 4.0): renders `then` when `condition` is true, `else` otherwise.
 *
 * - `condition`: expression without backticks using `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`, `!` and
 *   parentheses, with at least one dynamic operand, e.g. `"(${data.value} && (${form.animal} == 'cat'))"`.
 *   It must evaluate to a boolean; a literal on both sides of an operator is an error.
 * - `then`: at least one component.
 * - At most 3 nested `If`s. A Footer is only allowed in a first-level `If`; if one branch has a Footer,
 *   `else` is mandatory and both branches need one, and no Footer may sit outside the `If`.
 */
export interface If<Child> {
  type: 'If';
  condition: Binding;
  then: NonEmptyArray<Child>;
  else?: readonly Child[];
}

/**
 * `Switch` (≥ 4.0): renders the components of the case whose key equals `value`.
 *
 * - `value`: a binding, e.g. `"${form.animal}"`.
 * - `cases`: non-empty map of case value → components (at least one each). If any case has a Footer,
 *   every case needs one.
 * - A Switch may not contain `If` or `Switch`.
 */
export interface Switch<Child> {
  type: 'Switch';
  value: Binding;
  cases: Readonly<Record<string, NonEmptyArray<Child>>>;
}

/** Third nesting level: no further `If`, no Footer. */
type ThirdLevelIf<Branch> = If<Branch | Switch<Branch>>;

/** Second nesting level: no Footer. */
type SecondLevelIf<Branch> = If<Branch | Switch<Branch> | ThirdLevelIf<Branch>>;

/**
 * An `If` placed directly in a layout or Form: its branches may hold a Footer and up to two more levels
 * of `If` (3 in total). `Switch`es nested in an `If` hold no Footer.
 *
 * @typeParam Branch - components allowed in branches (version dependent, without Footer/If/Switch).
 * @typeParam Footer - the version's Footer.
 */
export type TopLevelIf<Branch, Footer> = If<Branch | Footer | Switch<Branch> | SecondLevelIf<Branch>>;

/** A `Switch` placed directly in a layout or Form: its cases may hold a Footer. */
export type TopLevelSwitch<Branch, Footer> = Switch<Branch | Footer>;
