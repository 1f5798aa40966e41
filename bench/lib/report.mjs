/**
 * What every bench script shares (issue 13): statistics over per-round ratios and one way to report them, so that
 * `npm run bench` (bench/run-all.mjs) can print one table.
 *
 * A bench runs many short interleaved rounds (A, B, A, B …), computes one ratio per round (ours / baseline, where
 * lower is better for times and higher for throughputs: each row says which), and reports the median and the
 * interquartile range of those ratios, with the machine's load. With `--json` a script prints exactly one JSON
 * object on its last stdout line: `{ bench, load, rows: [Row] }`. With `--quick` it runs one short round (the test
 * that checks every bench script runs uses it; its figures mean nothing).
 */
import { cpus, loadavg } from 'node:os';

/** Median of numbers (the mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Quantile q (0..1) by linear interpolation. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** Median and interquartile range of per-round ratios. */
export function ratioStats(ratios) {
  const r = (x) => +x.toFixed(3);
  return { ratio: r(median(ratios)), q1: r(quantile(ratios, 0.25)), q3: r(quantile(ratios, 0.75)), rounds: ratios.length };
}

/** The machine's load: 1-minute load average and core count. */
export function machineLoad() {
  return { loadavg1: +loadavg()[0].toFixed(2), cores: cpus().length };
}

/**
 * One row of the table.
 * @param {object} row
 * @param {string} row.what       what is measured ("getFlow per call")
 * @param {number} row.ours       our figure (median), in `unit`
 * @param {number} row.baseline   the baseline's figure (median), in `unit`
 * @param {string} row.unit       "µs/call", "req/s", "KB", …
 * @param {number[]} row.ratios   per-round ratios ours/baseline
 * @param {string} row.target     the target as text, for example "<= 1.05" or ">= 0.9"
 * @param {string} [row.baselineName] what the baseline is ("bare fetch")
 * @param {string} [row.note]     e.g. "baseline does different work: …"
 */
export function makeRow({ what, ours, baseline, unit, ratios, target, baselineName, note }) {
  const stats = ratioStats(ratios);
  const m = /^(<=|>=)\s*([\d.]+)$/.exec(target ?? '');
  const met = m ? (m[1] === '<=' ? stats.ratio <= Number(m[2]) : stats.ratio >= Number(m[2])) : undefined;
  return { what, ours: +(+ours).toPrecision(4), baseline: +(+baseline).toPrecision(4), unit, baselineName, ...stats, target, met, note };
}

/** Prints the rows for people, or (with `json`) one JSON object on one line for bench/run-all.mjs. */
export function report(bench, rows, { json = false } = {}) {
  const load = machineLoad();
  if (json) {
    console.log(JSON.stringify({ bench, load, rows }));
    return;
  }
  console.log(`${bench} (load ${load.loadavg1} on ${load.cores} cores)`);
  for (const row of rows) {
    const verdict = row.met === undefined ? '' : row.met ? '  met' : '  NOT met';
    console.log(`  ${row.what}: ours ${row.ours} ${row.unit}, ${row.baselineName ?? 'baseline'} ${row.baseline} ${row.unit}; ratio ${row.ratio} (IQR ${row.q1}..${row.q3}, ${row.rounds} rounds), target ${row.target}${verdict}`);
    if (row.note) console.log(`    ${row.note}`);
  }
}
