import { defineRule } from '../../rule.js';
import { missingProperty, wrongType } from '../../checks/document-messages.js';

import { MAX_SCREENS } from '../../../platform/limits.js';

export { MAX_SCREENS };

/** `screens` is a required array of 1 to 100 screens (flows-platform §2.1, §2.11). */
export const screensArrayRule = defineRule({
  id: 'flow-json/screens-array',
  description: 'screens is present, an array, and holds between 1 and 100 screens.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.1, §2.11, §2.12 MIN_ITEMS_REQUIRED / MAX_SCREENS_NUMBER',
  check(ctx) {
    const screens = ctx.flow.screens;
    if (screens === undefined) return [missingProperty([], 'screens')];
    if (!Array.isArray(screens)) return [wrongType(['screens'], 'array', screens)];
    if (screens.length === 0) {
      return [{ code: 'MIN_ITEMS_REQUIRED', message: "Property 'screens' should have at least '1' item.", path: ['screens'] }];
    }
    if (screens.length > MAX_SCREENS) {
      return [
        {
          code: 'MAX_SCREENS_NUMBER',
          message: `Maximum number of screens allowed per Flow is ${MAX_SCREENS} but found ${screens.length}.`,
          path: ['screens'],
        },
      ];
    }
    return [];
  },
});
