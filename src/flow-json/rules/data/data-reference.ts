import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isLiteralText } from '../../references/literal-text.js';
import { lookupData } from '../../checks/data-model.js';
import { referenceSeverity } from '../../references/reference-severity.js';
import { isRepeated, screenStrings } from '../../references/screen-strings.js';

/**
 * Every `${data.x…}` of a screen (components, title, action payloads) names a field of that screen's data model,
 * nested paths followed into object `properties` (flows-platform §2.5, §2.6, §2.12).
 * In component properties and titles Meta reports INVALID_SCREEN_DYNAMIC_DATA "Missing dynamic data … in the
 * screen data model."; inside action payloads INVALID_ON_CLICK_ACTION_PAYLOAD "Missing dynamic data … in the data
 * model for screen …" (§2.8), used for every action property, as the catalogue has no separate select message.
 */
export const dataReferenceRule = defineRule({
  id: 'flow-json/data-reference',
  description: 'Each ${data.…} reference names a field declared in the screen data model.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.6, §2.12 INVALID_SCREEN_DYNAMIC_DATA "Missing dynamic data …"',
  // A generator: a generated document may miss thousands of fields, and validateFlowJson lists only the first ones.
  *check(ctx): Generator<Finding> {
    // Text mixed with a reference is shown literally: its references are never resolved (flows-platform §6.5).
    const nested = ctx.atLeast('6.0');
    for (const { strings } of screenStrings(ctx.model).values()) {
      for (const s of strings) {
        if (!s.mayReference('data') || isLiteralText(s, nested)) continue;
        for (let index = 0; index < s.references.length; index++) {
          const ref = s.references[index]!;
          if (ref.kind !== 'data' || isRepeated(s.references, index)) continue;
          if (lookupData(s.screen.data, ref.field, ref.rest).found) continue;
          const finding: Finding =
            s.where === 'payload'
              ? { code: 'INVALID_ON_CLICK_ACTION_PAYLOAD', message: `Missing dynamic data '${ref.text}' in the data model for screen ${s.screen.id ?? ''}.`, path: s.path }
              : { code: 'INVALID_SCREEN_DYNAMIC_DATA', message: `Missing dynamic data '${ref.text}' in the screen data model.`, path: s.path };
          const severity = referenceSeverity(ctx, s);
          if (severity) finding.severity = severity;
          yield finding;
        }
      }
    }
  },
});
