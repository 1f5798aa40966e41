import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_RULE } from '../../src/flow-json/resource-limits.js';
import { validateFlowJson } from '../../src/flow-json/validate.js';

// Issue 10, finding 2: the duplicate-key check and the routing graph were quadratic (100 000 keys: 15 s; a dense
// routing model of 1 000 screens: 16 s and 1 GB). Each case here took minutes or gigabytes before; the bound is a
// coarse "finishes" (the test timeout), never a timing comparison.
const FINISHES = 20_000;

const screen = (id: string, extra: object = {}) => ({
  id,
  title: 't',
  data: {},
  layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'x', 'on-click-action': { name: 'complete', payload: {} } }] },
  ...extra,
});

describe('large inputs finish, with every count right', () => {
  it(
    'an object of 200 000 keys (with 100 000 duplicates): at most 1 000 listed, the rest counted',
    () => {
      const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i % 100_000}":${i}`).join(',');
      const r = validateFlowJson(`{"version":"7.3","screens":[],"extra":{${keys}}}`, { only: [] });
      const duplicates = r.warnings.filter((w) => w.rule === 'flow-json/duplicate-key');
      expect(duplicates).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
      expect(duplicates[0]).toMatchObject({ path: '/extra/k0', line_start: 1 });
      const summary = duplicates.filter((w) => w.message.includes('not listed'));
      expect(summary.map((w) => [w.message, w.path])).toEqual([
        [`${100_000 - MAX_FINDINGS_PER_RULE} more duplicate properties not listed (at most ${MAX_FINDINGS_PER_RULE} per rule); only the last of each counts.`, `/extra/k${MAX_FINDINGS_PER_RULE}`],
      ]);
    },
    FINISHES,
  );

  it(
    'an object of 200 000 distinct keys has no duplicate and locates a finding inside it',
    () => {
      const extra = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
      const text = JSON.stringify({ version: '7.3', screens: [screen('A', { terminal: true })], routing_model: extra, data_api_version: '3.0' });
      const r = validateFlowJson(text);
      expect(r.warnings.filter((w) => w.rule === 'flow-json/duplicate-key')).toEqual([]);
      const shape = r.errors.filter((e) => e.rule === 'flow-json/routing-model-shape');
      expect(shape.length).toBeGreaterThan(0);
      expect(text.slice(shape.at(-1)!.offset, shape.at(-1)!.offset + shape.at(-1)!.length)).toMatch(/^\d+$/);
    },
    FINISHES,
  );

  it(
    'a dense routing model of 1 000 screens (every screen routes to all): the backward routes are counted, not all listed',
    () => {
      const n = 1000;
      const ids = Array.from({ length: n }, (_, i) => `S${i}`);
      const text = JSON.stringify({
        version: '7.3',
        data_api_version: '3.0',
        routing_model: Object.fromEntries(ids.map((id) => [id, ids])),
        screens: ids.map((id, i) => screen(id, i === n - 1 ? { terminal: true } : {})),
      });
      const r = validateFlowJson(text);
      const forward = r.errors.filter((e) => e.rule === 'flow-json/routing-model-forward-routes');
      expect(forward).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
      // n self routes and n(n-1)/2 backward routes in all.
      const total = n + (n * (n - 1)) / 2;
      const summary = forward.filter((e) => / more findings? of /.test(e.message));
      expect(summary.map((e) => e.message.split(',')[0])).toEqual([`${total - MAX_FINDINGS_PER_RULE} more findings of flow-json/routing-model-forward-routes not listed (at most ${MAX_FINDINGS_PER_RULE} per rule)`]);
      expect(r.errors.filter((e) => e.rule === 'flow-json/routing-model-branches')).toHaveLength(n);
    },
    FINISHES,
  );

  it(
    'screens in 25 000 back-and-forth pairs: one loop finding per pair is not needed, each pair is reported once',
    () => {
      const n = 50_000;
      const ids = Array.from({ length: n }, (_, i) => `S${i}`);
      const r = validateFlowJson(
        JSON.stringify({
          version: '7.3',
          data_api_version: '3.0',
          routing_model: Object.fromEntries(ids.map((id, i) => [id, [ids[i ^ 1]]])),
          screens: ids.map((id) => screen(id, { terminal: true })),
        }),
      );
      const forward = r.errors.filter((e) => e.rule === 'flow-json/routing-model-forward-routes');
      expect(forward.filter((e) => e.message.startsWith(`${n / 2 - MAX_FINDINGS_PER_RULE} more findings`))).toHaveLength(1);
      // Pairs of backward routes only are not loops of their own (routing-model-loops leaves them to forward-routes).
      expect(r.errors.filter((e) => e.rule === 'flow-json/routing-model-loops')).toEqual([]);
    },
    FINISHES,
  );

  it(
    'one screen of 200 000 components (spreading them as arguments overflowed the stack)',
    () => {
      const children = Array.from({ length: 200_000 }, (_, i) => ({ type: 'TextBody', text: `t${i}` }));
      const r = validateFlowJson({ version: '7.3', screens: [{ ...screen('A', { terminal: true }), layout: { type: 'SingleColumnLayout', children } }] });
      expect(r.warnings.some((w) => w.error === 'MAX_COMPONENTS_PER_SCREEN')).toBe(true);
    },
    FINISHES,
  );

  it(
    'a payload missing 100 000 data fields lists 1 000 of them',
    () => {
      const payload = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`p${i}`, `\${data.f${i}}`]));
      const r = validateFlowJson({ version: '7.3', screens: [screen('A', { terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'x', 'on-click-action': { name: 'complete', payload } }] } })] });
      const missing = r.errors.filter((e) => e.rule === 'flow-json/data-reference');
      expect(missing).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
      expect(missing.filter((e) => /^99000 more findings of flow-json\/data-reference not listed .*Missing dynamic data '\$\{data\.f1000\}'/.test(e.message))).toHaveLength(1);
    },
    FINISHES,
  );
});
