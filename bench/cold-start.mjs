#!/usr/bin/env node
/**
 * Cold start (issue 13): the wall time of a fresh `node` process that imports ONE entry of the built package (each
 * subpath of the `exports` map, resolved as Node resolves it: the `node` and `import` conditions), against a fresh
 * process that imports an empty ES module. Rounds are interleaved (empty, then every entry, in a rotating order);
 * each round gives one ratio per entry: entry ms / empty-module ms of the same round. Target: <= 1.1 for every entry.
 * The baseline does less work by design (it is the floor: starting Node and loading one module).
 *
 *   npm run bench                                      (builds first, runs every bench)
 *   node bench/cold-start.mjs [--rounds 15] [--json] [--quick]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeRow, median, report } from './lib/report.mjs';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '15' }, json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } },
});
const ROUNDS = values.quick ? 1 : Number(values.rounds);

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Module entries only: package.json and the JSON Schema files (`./schema/*.json`, data, not code) are not imported as modules.
const subpaths = Object.keys(pkg.exports).filter((p) => p !== './package.json' && !p.endsWith('.json'));

const dir = mkdtempSync(join(tmpdir(), 'cold-start-'));
/** One script per entry: `import '<file the entry resolves to>'` (so both sides load exactly one module of their own). */
const scripts = { empty: join(dir, 'empty.mjs') };
writeFileSync(join(dir, 'nothing.mjs'), 'export {};\n');
writeFileSync(scripts.empty, `import ${JSON.stringify(new URL(`file://${join(dir, 'nothing.mjs')}`).href)};\n`);
for (const sub of subpaths) {
  const specifier = sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`;
  // Self-reference from inside the package: resolves through the exports map with Node's own conditions.
  const target = import.meta.resolve(specifier);
  const file = join(dir, `${sub === '.' ? 'root' : sub.slice(2).replace(/\//g, '-')}.mjs`);
  writeFileSync(file, `import ${JSON.stringify(target)};\n`);
  scripts[specifier] = file;
}

/** Wall time of one fresh process running `file`, in ms. */
function run(file) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`${file} exited with ${code}`))));
  });
}

try {
  const names = Object.keys(scripts);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) await run(scripts[name]); // warm the file system cache
  for (let r = 0; r < ROUNDS; r++) {
    // The empty module runs first, last and in the middle of each round: each entry is compared to the nearest.
    const order = names.slice(1);
    const rotated = [...order.slice(r % order.length), ...order.slice(0, r % order.length)];
    const round = {};
    const empties = [];
    empties.push(await run(scripts.empty));
    for (let i = 0; i < rotated.length; i++) {
      round[rotated[i]] = await run(scripts[rotated[i]]);
      if (i === Math.floor(rotated.length / 2)) empties.push(await run(scripts.empty));
    }
    empties.push(await run(scripts.empty));
    const empty = median(empties);
    times.empty.push(empty);
    for (const name of order) times[name].push({ ms: round[name], ratio: round[name] / empty });
    if (!values.json) process.stderr.write(`round ${r + 1}/${ROUNDS}\r`);
  }
  const rows = names.slice(1).map((name) =>
    makeRow({
      what: `import '${name}' in a fresh process`,
      ours: median(times[name].map((t) => t.ms)),
      baseline: median(times.empty),
      unit: 'ms',
      ratios: times[name].map((t) => t.ratio),
      target: '<= 1.1',
      baselineName: 'empty ES module',
    }),
  );
  report('cold-start', rows, { json: values.json });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
