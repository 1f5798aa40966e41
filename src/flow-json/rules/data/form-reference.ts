import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isLiteralText } from '../../references/literal-text.js';
import { referenceSeverity } from '../../references/reference-severity.js';
import { isRepeated, screenStrings } from '../../references/screen-strings.js';

/**
 * Every `${form.x}` names an input component on the same screen, in any Form, If or Switch branch; the Form
 * itself cannot be bound (flows-platform §2.6, §2.7, §2.8).
 * Inside action payloads: INVALID_ON_CLICK_ACTION_PAYLOAD "Missing Form component … for screen '…'." (§2.8).
 * Elsewhere Meta's catalogue has no form-specific message: the same wording under INVALID_SCREEN_DYNAMIC_DATA,
 * the catalogue's code for unresolved dynamic data in components. The Form-binding message (§2.7) has no code in
 * the catalogue: INVALID_PROPERTY_VALUE, its generic code for a bad value.
 */
export const formReferenceRule = defineRule({
  id: 'flow-json/form-reference',
  description: 'Each ${form.…} reference names an input component on the same screen.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.6, §2.7, §2.8 INVALID_ON_CLICK_ACTION_PAYLOAD "Missing Form component …"',
  check(ctx) {
    const findings: Finding[] = [];
    // Text mixed with a reference is shown literally: its references are never resolved (flows-platform §6.5).
    const nested = ctx.atLeast('6.0');
    for (const { strings, inputNames, formNames } of screenStrings(ctx.model).values()) {
      for (const s of strings) {
        if (!s.mayReference('form') || isLiteralText(s, nested)) continue;
        for (let index = 0; index < s.references.length; index++) {
          const ref = s.references[index]!;
          if (ref.kind !== 'form' || inputNames.has(ref.field) || isRepeated(s.references, index)) continue;
          let finding: Finding;
          if (formNames.has(ref.field)) {
            finding = { code: 'INVALID_PROPERTY_VALUE', message: "Value of 'Form' component cannot be used in form binding.", path: s.path };
          } else {
            const message = `Missing Form component ${ref.text} for screen '${s.screen.id ?? ''}'.`;
            finding = { code: s.where === 'payload' ? 'INVALID_ON_CLICK_ACTION_PAYLOAD' : 'INVALID_SCREEN_DYNAMIC_DATA', message, path: s.path };
          }
          const severity = referenceSeverity(ctx, s);
          if (severity) finding.severity = severity;
          findings.push(finding);
        }
      }
    }
    return findings;
  },
});
