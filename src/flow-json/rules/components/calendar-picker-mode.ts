import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { hasDynamicPart, isBlank } from '../../checks/dynamic-values.js';
import * as msg from '../../checks/component-messages.js';

/** Properties of the range mode only (flows-platform §2.10 "Dates": `title`, `description`, `min-days`, `max-days`). */
const RANGE_ONLY = ['title', 'description', 'min-days', 'max-days'] as const;

/** Properties that take one value in single mode and a `{ "start-date", "end-date" }` object in range mode. */
const PER_END = ['label', 'helper-text', 'required', 'init-value', 'error-message'] as const;

/**
 * Properties whose range-mode form the reference states (§2.10: label "in range mode {start-date, end-date}",
 * helper-text and error-message "range: start/end object", required "range: start/end booleans"). `init-value` is not
 * among them: the reference gives no range form for it (Meta's range example uses one), so a single value there is left
 * alone.
 */
const RANGE_OBJECT: ReadonlyArray<readonly [string, 'string' | 'boolean']> = [
  ['label', 'string'],
  ['helper-text', 'string'],
  ['required', 'boolean'],
  ['error-message', 'string'],
];

/**
 * CalendarPicker (≥ 6.1) properties agree with its `mode` (flows-platform §2.10 "Dates"):
 * - `single` (the default): the range-only `title`, `description`, `min-days` and `max-days` are
 *   `INVALID_PROPERTY_KEY` (on the key); `label`, `helper-text`, `required`, `init-value` and `error-message` given as
 *   `{ "start-date", "end-date" }` objects are `INVALID_PROPERTY_VALUE`.
 * - `range`: a static single value (a string; a boolean for `required`) for `label`, `helper-text`, `required` or
 *   `error-message` is `INVALID_PROPERTY_VALUE`.
 * Left to other rules, not repeated here: unknown keys inside the objects and a missing `start-date`/`end-date` label
 * (the catalogue, `catalog-entry.ts`), types, `min-days` ≤ `max-days` (`component-min-max.ts`), date formats
 * (`date-format.ts`), an unknown `mode` (enum values). Bindings and nested expressions (always available from 6.1) are
 * known at run time only: a dynamic `mode` turns the check off, a dynamic value is never reported.
 */
export const calendarPickerModeRule = defineRule({
  id: 'flow-json/calendar-picker-mode',
  description: 'CalendarPicker properties agree with its mode (single or range).',
  severity: 'error',
  versions: { from: '6.1' },
  evidence: 'flows-platform §2.10 CalendarPicker (single/range properties)',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      const { node, type } = c;
      if (type !== 'CalendarPicker') continue;
      const path = c.path;
      const mode = node.mode === undefined ? 'single' : node.mode;
      if (mode === 'single') {
        for (const key of RANGE_ONLY) {
          if (node[key] === undefined) continue;
          const why = `It is only available when mode is range.`;
          findings.push({ code: 'INVALID_PROPERTY_KEY', message: msg.invalidKey(key, path, why), path: [...path, key], target: 'key' });
        }
        for (const key of PER_END) {
          if (!isObject(node[key])) continue;
          const why = `In single mode it takes a single value; start-date/end-date objects are for mode range.`;
          findings.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue(key, path, why), path: [...path, key] });
        }
      } else if (mode === 'range') {
        // Only the single-mode type: other types are the catalogue's (INVALID_PROPERTY_TYPE / PATTERN_MISMATCH).
        for (const [key, single] of RANGE_OBJECT) {
          const value = node[key];
          // Bindings and expressions are known at run time only; blank strings are the blank-strings rule's (≥ 6.0).
          if (typeof value !== single || (typeof value === 'string' && (hasDynamicPart(value, true) || isBlank(value)))) continue;
          const why = `In range mode it takes an object with start-date and end-date.`;
          findings.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue(key, path, why), path: [...path, key] });
        }
      }
    }
    return findings;
  },
});
