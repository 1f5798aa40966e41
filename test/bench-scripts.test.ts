/**
 * Every bench script (bench/*.mjs, discovered as `npm run bench` discovers them) runs for one short round
 * (`--quick --json`) and prints a valid row set on its last line (bench/lib/report.mjs). No timing is asserted:
 * `--quick` figures mean nothing. Needs dist/ (the vitest global setup builds it).
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { benchScripts, runBench } from '../bench/run-all.mjs';

interface BenchRow {
  what: string;
  ours: number;
  baseline: number;
  unit: string;
  ratio: number;
  q1: number;
  q3: number;
  rounds: number;
  target?: string;
  met?: boolean;
}

const scripts = (benchScripts as () => string[])();

describe('bench scripts (issue 13)', () => {
  it('are discovered: the client, bundle-size and cold-start benches are among them, run-all is not', () => {
    expect(scripts).toEqual(expect.arrayContaining(['get-flow-overhead.mjs', 'bundle-size.mjs', 'cold-start.mjs']));
    expect(scripts).not.toContain('run-all.mjs');
  });

  it.each(scripts)('%s --quick --json prints { bench, load, rows } with valid rows', async (file) => {
    const result = (await (runBench as (f: string, a: string[]) => Promise<Record<string, unknown>>)(file, ['--quick'])) as {
      error?: string;
      bench: string;
      load: { loadavg1: number; cores: number };
      rows: BenchRow[];
    };
    expect(result.error, `${file}: ${result.error}`).toBeUndefined();
    expect(typeof result.bench).toBe('string');
    expect(result.load.cores).toBeGreaterThan(0);
    expect(result.rows.length).toBeGreaterThan(0);
    for (const row of result.rows) {
      expect(typeof row.what, file).toBe('string');
      expect(typeof row.unit, `${file}: ${row.what}`).toBe('string');
      for (const key of ['ours', 'baseline', 'ratio', 'q1', 'q3', 'rounds'] as const) {
        expect(Number.isFinite(row[key]), `${file}: ${row.what}: ${key} = ${row[key]}`).toBe(true);
      }
      expect(row.q1).toBeLessThanOrEqual(row.q3);
      // A row with a target (`<= x` / `>= x`) says whether it is met; a row without one is information only (a
      // cost report, or a comparison whose baseline does different work).
      if (row.target !== undefined && /^(<=|>=) ?[\d.]+$/.test(row.target)) expect(typeof row.met, `${file}: ${row.what}`).toBe('boolean');
      else expect(row.met, `${file}: ${row.what}`).toBeUndefined();
    }
  }, 180_000);
});
