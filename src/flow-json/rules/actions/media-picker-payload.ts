import type { Finding } from '../../diagnostics.js';
import type { ComponentModel, FlowModel, ScreenModel } from '../../model.js';
import { findReferences, isSingleBinding } from '../../references/binding-syntax.js';
import { defineRule } from '../../rule.js';
import { forEachString, isObject } from '../../values.js';

const MAX_PROPERTY: Record<string, string> = { PhotoPicker: 'max-uploaded-photos', DocumentPicker: 'max-uploaded-documents' };
const DEFAULT_MAX = 30;

/**
 * PhotoPicker/DocumentPicker values (`${form.<picker>}`, or a global `${screen.<id>.form.<picker>}`) never go in a
 * navigate payload; in data_exchange and complete payloads only as a whole top-level string property; in complete
 * only when the picker allows at most 1 file, and one picker value per payload (flows-platform §2.8, §2.10,
 * `INVALID_ON_CLICK_ACTION_PAYLOAD`).
 */
export const mediaPickerPayloadRule = defineRule({
  id: 'flow-json/media-picker-payload',
  description: 'Media picker values appear only where Meta allows them in action payloads.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.8 (INVALID_ON_CLICK_ACTION_PAYLOAD media picker messages), §2.10 [M-MEDIA]',
  check(ctx) {
    const pickers = pickersByScreen(ctx.model);
    if (pickers.size === 0) return [];
    const findings: Finding[] = [];
    for (const action of ctx.model.actions) {
      const name = action.name;
      if (name !== 'navigate' && name !== 'data_exchange' && name !== 'complete') continue;
      const payload = action.node.payload;
      if (!isObject(payload)) continue;
      let inComplete = 0;
      forEachString(payload, [...action.path, 'payload'], (text, path) => {
        for (const ref of findReferences(text)) {
          if (ref.kind === 'invalid' || ref.kind === 'data') continue;
          let picker: ComponentModel | undefined;
          if (ref.kind === 'form') picker = pickers.get(action.screen)?.get(ref.field);
          else if (ref.kind === 'screen' && ref.scope === 'form') {
            const other = ctx.model.screensById.get(ref.screen);
            picker = other && pickers.get(other)?.get(ref.field);
          }
          if (!picker) continue;
          const type = picker.type!;
          if (name === 'navigate') {
            findings.push(error(`The value of ${type} component is not allowed in the payload of navigate action.`, path));
            continue;
          }
          const topLevel = path.length === action.path.length + 2 && isSingleBinding(text) && ref.rest.length === 0;
          if (!topLevel) {
            findings.push(
              error(
                'The value of following components must be a top-level string in complete and data_exchange on-click-action payload: : [PhotoPicker, DocumentPicker].',
                path,
              ),
            );
            continue;
          }
          if (name !== 'complete') continue;
          const property = MAX_PROPERTY[type]!;
          const max = picker.node[property] ?? DEFAULT_MAX;
          if (typeof max === 'number' && max > 1) {
            findings.push(
              error(
                `${type} can only be used in complete action payload if value of property '${property}' doesn't exceed 1. Default value is ${DEFAULT_MAX}.`,
                path,
              ),
            );
          }
          // One media picker value per complete payload. The catalogue has no message of its own for this, so
          // the generic INVALID_ON_CLICK_ACTION_PAYLOAD message names the extra property.
          if (++inComplete > 1) findings.push(error(`Invalid value found for the property '${String(path.at(-1))}'.`, path));
        }
      });
    }
    return findings;
  },
});

function error(message: string, path: Finding['path']): Finding {
  return { code: 'INVALID_ON_CLICK_ACTION_PAYLOAD', message, path };
}

/** PhotoPicker and DocumentPicker components by screen, then by name. */
function pickersByScreen(model: FlowModel): Map<ScreenModel, Map<string, ComponentModel>> {
  const out = new Map<ScreenModel, Map<string, ComponentModel>>();
  for (const c of model.components) {
    if ((c.type !== 'PhotoPicker' && c.type !== 'DocumentPicker') || typeof c.node.name !== 'string') continue;
    let byName = out.get(c.screen);
    if (!byName) out.set(c.screen, (byName = new Map()));
    if (!byName.has(c.node.name)) byName.set(c.node.name, c);
  }
  return out;
}
