import { metaPath, type Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isLiteralText } from '../../references/literal-text.js';
import { lookupData } from '../../checks/data-model.js';
import { referenceSeverity } from '../../references/reference-severity.js';
import { isRepeated, propertyName, screenStrings } from '../../references/screen-strings.js';

/**
 * Every `${screen.ID.data.x}` / `${screen.ID.form.x}` (≥ 4.0) names another screen of the flow (forward
 * references allowed) and a field of its data model or an input on it (flows-platform §2.6, §2.12).
 * Unknown screen or field: INVALID_SCREEN_DATA "Global Dynamic data '…' on screen ROOT does not exist, but is used
 * on screen …", ROOT read as the referenced screen. The current screen referenced globally: Meta's message is
 * only known in part (§2.6); it is completed here and reported under the same code. Before 4.0 global references
 * do not exist: the generic INVALID_PROPERTY_VALUE.
 */
export const globalReferenceRule = defineRule({
  id: 'flow-json/global-reference',
  description: 'Each ${screen.ID.…} reference names another screen and a field or input declared on it.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.6, §2.12 INVALID_SCREEN_DATA "Global Dynamic data … does not exist"',
  check(ctx) {
    const findings: Finding[] = [];
    // Text mixed with a reference is shown literally: its references are never resolved (flows-platform §6.5).
    const nested = ctx.atLeast('6.0');
    const all = screenStrings(ctx.model);
    for (const { strings } of all.values()) {
      for (const s of strings) {
        if (!s.mayReference('screen') || isLiteralText(s, nested)) continue;
        for (let index = 0; index < s.references.length; index++) {
          const ref = s.references[index]!;
          if (ref.kind !== 'screen' || isRepeated(s.references, index)) continue;
          const here = s.screen.id ?? '';
          let finding: Finding | undefined;
          if (!ctx.atLeast('4.0')) {
            finding = { code: 'INVALID_PROPERTY_VALUE', message: `Invalid value found for property ${propertyName(s.path)} at ${metaPath(s.path)}.`, path: s.path };
          } else if (ref.screen === s.screen.id) {
            const local = `\${${[ref.scope, ref.field, ...ref.rest].join('.')}}`;
            const message = `Expression '${ref.text}' is invalid since screen '${here}' represents current screen. Convert expression to local referencing '${local}'.`;
            finding = { code: 'INVALID_SCREEN_DATA', message, path: s.path };
          } else {
            const target = ctx.model.screensById.get(ref.screen);
            const exists =
              target !== undefined &&
              (ref.scope === 'data' ? lookupData(target.data, ref.field, ref.rest).found : all.get(target)?.inputNames.has(ref.field) === true);
            if (!exists) {
              const message = `Global Dynamic data '${ref.text}' on screen ${ref.screen} does not exist, but is used on screen ${here}.`;
              finding = { code: 'INVALID_SCREEN_DATA', message, path: s.path };
            }
          }
          if (!finding) continue;
          const severity = referenceSeverity(ctx, s);
          if (severity) finding.severity = severity;
          findings.push(finding);
        }
      }
    }
    return findings;
  },
});
