/**
 * Flow category cases (flows-platform §1.6), to run through every consumer: the platform module
 * (test/platform/categories.test.ts), the client's pre-flight check and the emulator
 * (test/emulator/category-cases.test.ts). Meta accepts exactly its upper-case values; nothing is rewritten.
 */
export interface CategoryCase {
  categories: unknown[];
  /** `ok`, or the part of the message every consumer reports (and the value meant, when there is one). */
  expected: 'ok' | { problem: string; suggestion?: string };
}

export const CATEGORY_CASES: CategoryCase[] = [
  { categories: ['OTHER'], expected: 'ok' },
  { categories: ['SIGN_UP', 'SIGN_IN', 'APPOINTMENT_BOOKING', 'LEAD_GENERATION', 'CONTACT_US', 'CUSTOMER_SUPPORT', 'SURVEY', 'OTHER'], expected: 'ok' },
  { categories: ['APPOINTMENT'], expected: { problem: 'Param categories[0] must be one of {SIGN_UP, SIGN_IN, APPOINTMENT_BOOKING, LEAD_GENERATION, CONTACT_US, CUSTOMER_SUPPORT, SURVEY, OTHER} - got "APPOINTMENT".', suggestion: 'APPOINTMENT_BOOKING' } },
  { categories: ['SURVEY', 'survey'], expected: { problem: 'Param categories[1] must be one of', suggestion: 'SURVEY' } },
  { categories: ['appointment'], expected: { problem: 'got "appointment"', suggestion: 'APPOINTMENT_BOOKING' } },
  { categories: ['NOPE'], expected: { problem: 'got "NOPE"' } },
];
