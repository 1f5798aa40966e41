import { defineRule } from '../../rule.js';

/**
 * `SUCCESS` is reserved as a screen id, in any letter case (flows-platform §2.3): an endpoint answers
 * `"screen": "SUCCESS"` to end the flow. Meta fills the id into the message.
 */
export const screenIdReservedRule = defineRule({
  id: 'flow-json/screen-id-reserved',
  description: "No screen id is 'success' in any letter case.",
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.3, §2.12 SCREEN_ID_IS_RESERVED_KEYWORD',
  check(ctx) {
    return ctx.model.screens
      .filter((screen) => screen.id?.toLowerCase() === 'success')
      .map((screen) => ({
        code: 'SCREEN_ID_IS_RESERVED_KEYWORD',
        message: `Screen id cannot be '${screen.id}' since it is a reserved keyword.`,
        path: [...screen.path, 'id'],
      }));
  },
});
