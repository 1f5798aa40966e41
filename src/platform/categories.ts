/**
 * Owns: the flow categories Meta accepts in `categories` of `POST /{WABA}/flows` and `POST /{FLOW}`.
 * Consumers: the client's `categoriesParam` (src/client/resources/flows/fields.ts), the emulator's flow handlers
 * (src/emulator/handlers/flows.ts) and `FlowCategoryEnum` (src/enums/flow-category.ts).
 *
 * Evidence: flows-platform §1.6 lists exactly these upper-case values; §1.3.1 types the parameter as "array of
 * enum" with ≥1 value. Graph enum parameters are matched exactly, so `sign_up` and the seed document's
 * `APPOINTMENT` are refused by Meta ("Param categories[i] must be one of {...}"): the SDK refuses them too and
 * names the value to use instead, and never rewrites a value (what the client sends is what Meta sees).
 */

/** Meta's flow categories, in Meta's order (flows-platform §1.6). */
export const FLOW_CATEGORY_VALUES = [
  'SIGN_UP',
  'SIGN_IN',
  'APPOINTMENT_BOOKING',
  'LEAD_GENERATION',
  'CONTACT_US',
  'CUSTOMER_SUPPORT',
  'SURVEY',
  'OTHER',
] as const;

export type FlowCategoryValue = (typeof FLOW_CATEGORY_VALUES)[number];

/** Spellings seen in documents that Meta does not accept, with the value meant. */
const MEANT: Readonly<Record<string, FlowCategoryValue>> = { APPOINTMENT: 'APPOINTMENT_BOOKING' };

export function isFlowCategory(value: unknown): value is FlowCategoryValue {
  return typeof value === 'string' && (FLOW_CATEGORY_VALUES as readonly string[]).includes(value);
}

/** A refused category: Meta's message, and the value the caller probably meant (when there is one). */
export interface CategoryProblem {
  /** Graph's wording: `Param categories[1] must be one of {SIGN_UP, ...} - got "APPOINTMENT".` */
  message: string;
  /** e.g. `APPOINTMENT_BOOKING` for `APPOINTMENT` or `appointment_booking`. */
  suggestion?: FlowCategoryValue;
}

/** Checks a `categories` list as Meta does; `undefined` when every value is accepted. */
export function categoriesProblem(categories: readonly unknown[]): CategoryProblem | undefined {
  if (categories.length === 0) return { message: 'Param categories must contain at least one category.' };
  for (const [index, value] of categories.entries()) {
    if (isFlowCategory(value)) continue;
    const got = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
    const problem: CategoryProblem = { message: `Param categories[${index}] must be one of {${FLOW_CATEGORY_VALUES.join(', ')}} - got ${got}.` };
    const suggestion = typeof value === 'string' ? suggestCategory(value) : undefined;
    if (suggestion) problem.suggestion = suggestion;
    return problem;
  }
  return undefined;
}

function suggestCategory(value: string): FlowCategoryValue | undefined {
  const upper = value.trim().toUpperCase();
  if (isFlowCategory(upper)) return upper;
  return MEANT[upper];
}
