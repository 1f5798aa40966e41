import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { COMPONENT_CATALOG } from '../../../platform/components/catalog.js';
import * as msg from '../../checks/component-messages.js';

/** Paired minimum/maximum properties, per component type. */
const PAIRS: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>> = new Map([
  ['TextInput', [['min-chars', 'max-chars']]],
  ['CheckboxGroup', [['min-selected-items', 'max-selected-items']]],
  ['ChipsSelector', [['min-selected-items', 'max-selected-items']]],
  ['DatePicker', [['min-date', 'max-date']]],
  [
    'CalendarPicker',
    [
      ['min-date', 'max-date'],
      ['min-days', 'max-days'],
    ],
  ],
  ['PhotoPicker', [['min-uploaded-photos', 'max-uploaded-photos']]],
  ['DocumentPicker', [['min-uploaded-documents', 'max-uploaded-documents']]],
]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EPOCH_MS = /^\d+$/;

/**
 * A comparable form of a static value: numbers as they are; for `*-date` properties, `YYYY-MM-DD` strings (≥ 5.0) and
 * epoch-millisecond strings (< 5.0), each with a tag so the two formats are never compared with each other.
 */
function comparable(key: string, value: unknown): { kind: string; at: number } | undefined {
  if (!key.endsWith('-date')) return typeof value === 'number' ? { kind: 'number', at: value } : undefined;
  if (typeof value !== 'string') return undefined;
  if (ISO_DATE.test(value)) return { kind: 'iso', at: Date.parse(value + 'T00:00:00Z') };
  if (EPOCH_MS.test(value)) return { kind: 'epoch', at: Number(value) };
  return undefined;
}

/**
 * Paired properties keep min ≤ max (flows-platform §2.11): `MIN_VALUE_GREATER_THAN_MAX`, with [M-MEDIA]'s wording for
 * the media pickers. Only static values of the same kind are compared (bindings are known at run time only).
 */
export const componentMinMaxRule = defineRule({
  id: 'flow-json/component-min-max',
  description: 'Paired minimum and maximum properties of a component are not inverted.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.11, §2.12 MIN_VALUE_GREATER_THAN_MAX, [M-MEDIA]',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      const { node, type } = c;
      if (type === undefined) continue;
      const pairs = PAIRS.get(type);
      if (!pairs || !ctx.atLeast(COMPONENT_CATALOG.get(type)?.since ?? '2.1')) continue;
      const name = typeof node.name === 'string' ? node.name : undefined;
      for (const [minKey, maxKey] of pairs) {
        const min = comparable(minKey, node[minKey]);
        const max = comparable(maxKey, node[maxKey]);
        if (!min || !max || min.kind !== max.kind || !(min.at > max.at)) continue;
        const message =
          type === 'PhotoPicker' || type === 'DocumentPicker'
            ? msg.pickerMinGreaterThanMax(minKey, maxKey, type, name)
            : msg.minGreaterThanMax(minKey, maxKey, type, name);
        findings.push({ code: 'MIN_VALUE_GREATER_THAN_MAX', message, path: [...c.path, minKey] });
      }
    }
    return findings;
  },
});
