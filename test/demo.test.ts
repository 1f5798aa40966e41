import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** `npm run demo` (after the build that `npm test` runs): the whole lifecycle against the emulator, exit code 0. */
describe('npm run demo', () => {
  it('runs the Quick Start and the endpoint round trip against the in-process emulator and ends by itself', async () => {
    const script = new URL('../examples/demo.mjs', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 60_000, env: { ...process.env, CLOUD_API_ACCESS_TOKEN: '', WA_BASE_URL: '' } });
    expect(stdout).toMatch(/MISSING_TERMINAL_SCREEN/);
    expect(stdout).toMatch(/line \d+, column \d+/);
    expect(stdout).toMatch(/uploaded: 0 validation errors/);
    expect(stdout).toMatch(/customer_survey is PUBLISHED/);
    expect(stdout).toMatch(/message wamid\.\S+ accepted/);
    expect(stdout).toMatch(/POST \/v25\.0\/\d+\/messages → 200/);
    expect(stdout).toMatch(/flows webhook: flow \d+ DRAFT → PUBLISHED/);
    expect(stdout).toMatch(/endpoint ← INIT \(token booking-7f3a\)/);
    expect(stdout).toMatch(/endpoint ← data_exchange from CONFIRM/);
    expect(stdout).toMatch(/response_json \{"flow_token":"booking-7f3a"/);
    expect(stdout).toMatch(/from 15551234567, token booking-7f3a, answers \{"service":"optician"/);
    expect(stdout).toMatch(/username user jane\.doe \(BSUID US\.13491208655302741918, sent to the BSUID, no phone number: from absent\), token survey-9c1d, answers \{"feedback":"Lovely"\}/);
    expect(stdout).toMatch(/Done\./);
  });
});
