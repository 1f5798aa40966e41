#!/usr/bin/env node
/**
 * `npm run bench` (after the build): runs every bench script (`bench/*.mjs` except this one), one after the other,
 * each with `--json` (and `--quick` when given here), reads the one JSON object each prints on its last stdout line
 * (bench/lib/report.mjs) and prints one table: what, ours, baseline, ratio, IQR, target, met; and the load.
 *
 *   npm run bench                 (builds first)
 *   node bench/run-all.mjs [--quick] [--json] [--only a.mjs,b.mjs]
 *   (--json: the collected results as one JSON object; --only: run only these scripts)
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineLoad } from './lib/report.mjs';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : undefined;

/** The bench scripts, discovered (other areas add theirs without editing this file). */
export function benchScripts() {
  return readdirSync(benchDir)
    .filter((f) => f.endsWith('.mjs') && f !== 'run-all.mjs')
    .sort();
}

/** Runs one bench script with --json; resolves its parsed last line, or an error text. */
export function runBench(file, extraArgs = []) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL(file, import.meta.url)), '--json', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.once('error', (e) => resolve({ file, error: e.message }));
    child.once('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        const parsed = JSON.parse(last);
        if (!Array.isArray(parsed.rows)) throw new Error('no rows');
        resolve({ file, ...parsed });
      } catch {
        resolve({ file, error: `exit ${code}; last stdout line is not a bench result${err ? `: ${err.trim().split('\n').slice(-3).join(' | ')}` : ''}` });
      }
    });
  });
}

function formatTable(results) {
  const header = ['bench', 'what', 'ours', 'baseline', 'ratio', 'IQR', 'target', 'met'];
  const lines = [];
  for (const r of results) {
    if (r.error) {
      lines.push([r.file, `FAILED: ${r.error}`, '', '', '', '', '', '']);
      continue;
    }
    for (const row of r.rows) {
      lines.push([
        r.bench,
        row.what,
        `${row.ours} ${row.unit}`,
        `${row.baseline} ${row.unit}${row.baselineName ? ` (${row.baselineName})` : ''}`,
        String(row.ratio),
        row.q1 === row.q3 ? '-' : `${row.q1}..${row.q3}`,
        row.target ?? '',
        row.met === undefined ? '' : row.met ? 'yes' : 'NO',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = machineLoad();
  const results = [];
  for (const file of benchScripts().filter((f) => !only || only.has(f))) {
    if (!asJson) process.stderr.write(`running ${file}${quick ? ' --quick' : ''} …\n`);
    results.push(await runBench(file, quick ? ['--quick'] : []));
  }
  const ended = machineLoad();
  if (asJson) console.log(JSON.stringify({ load: { start: started, end: ended }, results }));
  else {
    console.log(formatTable(results));
    console.log(`\nload (1-min average) ${started.loadavg1} at start, ${ended.loadavg1} at end, on ${ended.cores} cores${quick ? '; --quick: one short round each, figures mean nothing' : ''}`);
  }
  if (results.some((r) => r.error)) process.exitCode = 1;
}
