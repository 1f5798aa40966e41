import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** The built package (npm test builds first) loads through its `exports` map in both module systems. */
describe('package entry points', () => {
  it('CommonJS: require("meta-cloud-api") and "meta-cloud-api/enums"', () => {
    const require = createRequire(import.meta.url);
    const cjs = require('meta-cloud-api');
    expect(typeof cjs.default).toBe('function');
    expect(cjs.WhatsApp).toBe(cjs.default);
    expect(cjs.FlowCategoryEnum.Appointment).toBe('APPOINTMENT_BOOKING');
    expect(new cjs.default({ apiVersion: 24 }).apiVersion).toBe('v24.0');
    expect(require('meta-cloud-api/enums').FlowStatusEnum.Published).toBe('PUBLISHED');
    expect(require.resolve('meta-cloud-api')).toMatch(/dist[/\\]index\.cjs$/);
  });

  it('ESM: import("meta-cloud-api") and "meta-cloud-api/enums"', async () => {
    const esm = await import('meta-cloud-api');
    expect(typeof esm.default).toBe('function');
    expect(esm.GraphApiError.name).toBe('GraphApiError');
    const enums = await import('meta-cloud-api/enums');
    expect(enums.FlowActionEnum.DataExchange).toBe('data_exchange');
  });
});
