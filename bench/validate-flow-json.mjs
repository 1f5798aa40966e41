#!/usr/bin/env node
/**
 * Validates generated flows of 1, 10 and 100 screens x 50 components (about 9 KB, 93 KB and 932 KB) with every rule on
 * and prints, for each size, the time as a ratio to JSON.parse of the same text (issue 13): interleaved short rounds
 * (JSON.parse, validateFlowJson, JSON.parse, …), median and interquartile range of the per-round ratios, through
 * bench/lib/report.mjs. Target: at most 5x. The baseline does less work (it only parses; the validator also checks
 * every rule and locates findings).
 *
 * Then validates hostile shapes, each in a fresh process so that its peak memory is its own (issue 10): an object of
 * 100 000 keys, a dense routing model of 1 000 screens (each routing to all), and 10 MB documents (the generated
 * flow, 50 000 screens in a routing chain, 200 000 components on one screen, a payload of 400 000 missing fields).
 * Target: at most 2 s and 300 MB for any 10 MB input.
 *
 *   npm run bench            (builds first)
 *   node bench/validate-flow-json.mjs --rounds 31
 *   node bench/validate-flow-json.mjs --json        (one JSON object on the last line: { bench, load, rows, shapes })
 *   node bench/validate-flow-json.mjs --quick       (one short round, no shapes: checks that the script runs)
 *   node bench/validate-flow-json.mjs --shape dense-routing   (one shape, one JSON line)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateFlowJson } from '../dist/flow-json.js';
import { machineLoad, makeRow, report } from './lib/report.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '31' },
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    shape: { type: 'string' },
    file: { type: 'string' },
    'no-shapes': { type: 'boolean', default: false },
  },
});
const ROUNDS = values.quick ? 1 : Number(values.rounds);
/** Each round lasts about this long per side, whatever the size. */
const ROUND_MS = values.quick ? 5 : 40;

/** A valid endpoint-less flow: each screen has 48 display/input components, a Form-free layout and a Footer. */
function generate(screens) {
  const list = [];
  for (let s = 0; s < screens; s++) {
    const id = `SCREEN_${letters(s)}`;
    const last = s === screens - 1;
    const children = [];
    for (let c = 0; c < 49; c++) {
      switch (c % 7) {
        case 0: children.push({ type: 'TextHeading', text: `Heading ${c}` }); break;
        case 1: children.push({ type: 'TextBody', text: `Body text number ${c} on screen ${s}` }); break;
        case 2: children.push({ type: 'TextInput', name: `input_${c}`, label: `Field ${c}`, 'input-type': 'text', required: c % 2 === 0 }); break;
        case 3: children.push({ type: 'TextArea', name: `area_${c}`, label: `Notes ${c}` }); break;
        case 4: children.push({ type: 'Dropdown', name: `drop_${c}`, label: `Pick ${c}`, 'data-source': [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }); break;
        case 5: children.push({ type: 'RadioButtonsGroup', name: `radio_${c}`, label: `Choose ${c}`, 'data-source': [{ id: 'x', title: 'X' }, { id: 'y', title: 'Y' }] }); break;
        default: children.push({ type: 'TextCaption', text: `Caption ${c}` });
      }
    }
    const next = `SCREEN_${letters(s + 1)}`;
    children.push(
      last
        ? { type: 'Footer', label: 'Finish', 'on-click-action': { name: 'complete', payload: { answer: '${form.input_2}' } } }
        : { type: 'Footer', label: 'Next', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: next }, payload: {} } },
    );
    const screen = { id, title: `Screen ${s}`, data: {}, layout: { type: 'SingleColumnLayout', children } };
    if (last) Object.assign(screen, { terminal: true, success: true });
    list.push(screen);
  }
  return { version: '7.3', screens: list };
}
function letters(n) {
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** Hostile shapes of issue 10; each returns the text. */
const footer = { type: 'Footer', label: 'x', 'on-click-action': { name: 'complete', payload: {} } };
const small = (id, extra = {}) => ({ id, title: 't', data: {}, layout: { type: 'SingleColumnLayout', children: [footer] }, ...extra });
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));
const SHAPES = {
  'keys-100k': () => JSON.stringify({ version: '7.3', screens: [small('A', { terminal: true })], extra: Object.fromEntries(range(100_000, (i) => [`key_${i}`, i])) }),
  'dense-routing': () => {
    const ids = range(1000, (i) => `S${i}`);
    return JSON.stringify({ version: '7.3', data_api_version: '3.0', routing_model: Object.fromEntries(ids.map((id) => [id, ids])), screens: ids.map((id) => small(id, { terminal: true })) });
  },
  'flow-10mb': () => JSON.stringify(generate(1100), null, 2),
  'routing-chain-10mb': () => {
    const ids = range(50_000, (i) => `S${i}`);
    return JSON.stringify({ version: '7.3', data_api_version: '3.0', routing_model: Object.fromEntries(ids.map((id, i) => [id, i + 1 < ids.length ? [ids[i + 1]] : []])), screens: ids.map((id) => small(id, { terminal: true })) });
  },
  'components-10mb': () => JSON.stringify({ version: '7.3', screens: [{ ...small('A', { terminal: true }), layout: { type: 'SingleColumnLayout', children: [...range(250_000, (i) => ({ type: 'TextBody', text: `Body ${i}` })), footer] } }] }),
  'missing-fields-10mb': () => JSON.stringify({ version: '7.3', screens: [{ ...small('A', { terminal: true }), layout: { type: 'SingleColumnLayout', children: [{ ...footer, 'on-click-action': { name: 'complete', payload: Object.fromEntries(range(400_000, (i) => [`p${i}`, `\${data.f${i}}`])) } }] } }] }),
};

if (values.shape !== undefined) {
  const make = SHAPES[values.shape];
  if (!make) {
    console.error(`Unknown shape ${values.shape}; one of ${Object.keys(SHAPES).join(', ')}`);
    process.exit(2);
  }
  // The parent writes the text to a file so that generating it (objects of 400 000 entries) does not count in this
  // process's peak memory: what is measured is Node, the text and the validator.
  const text = values.file ? readFileSync(values.file, 'utf8') : make();
  const before = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = validateFlowJson(text);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(before);
  console.log(
    JSON.stringify({
      shape: values.shape,
      mb: +(Buffer.byteLength(text) / 1e6).toFixed(1),
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      diagnostics: result.errors.length + result.warnings.length,
    }),
  );
  process.exit(0);
}

const SIZES = [
  { name: 'small', screens: 1 },
  { name: 'medium', screens: 10 },
  { name: 'large', screens: 100 },
];

/** Calls `fn` `reps` times; milliseconds per call. */
function time(fn, reps) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / reps;
}

const rows = [];
for (const size of SIZES) {
  const text = JSON.stringify(generate(size.screens), null, 2);
  const first = validateFlowJson(text);
  if (!first.valid) {
    console.error('The generated flow should be valid but has errors:', first.errors.slice(0, 5));
    process.exit(2);
  }
  const parse = () => JSON.parse(text);
  const validate = () => validateFlowJson(text);
  // Warm both up, then size the repetitions so that each side of a round lasts about ROUND_MS.
  const parseMs = time(parse, 20);
  const validateMs = time(validate, 5);
  const parseReps = Math.max(1, Math.round(ROUND_MS / parseMs));
  const validateReps = Math.max(1, Math.round(ROUND_MS / validateMs));
  const parseTimes = [];
  const validateTimes = [];
  const ratios = [];
  for (let r = 0; r < ROUNDS; r++) {
    const p = time(parse, parseReps);
    const v = time(validate, validateReps);
    parseTimes.push(p);
    validateTimes.push(v);
    ratios.push(v / p);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  rows.push(
    makeRow({
      what: `validateFlowJson, ${size.name} flow (${size.screens} screen${size.screens === 1 ? '' : 's'} x 50 components, ${Math.round(Buffer.byteLength(text) / 1024)} KiB)`,
      ours: median(validateTimes) * 1000,
      baseline: median(parseTimes) * 1000,
      unit: 'µs/call',
      ratios,
      target: '<= 5',
      baselineName: 'JSON.parse',
      note: size.name === 'large' ? 'baseline does less work: it only parses the text' : undefined,
    }),
  );
}

let shapes = [];
if (!values['no-shapes'] && !values.quick) {
  const self = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'validate-shapes-'));
  shapes = Object.keys(SHAPES).map((shape) => {
    const file = join(dir, `${shape}.json`);
    writeFileSync(file, SHAPES[shape]());
    return JSON.parse(execFileSync(process.execPath, [self, '--shape', shape, '--file', file], { encoding: 'utf8' }));
  });
  rmSync(dir, { recursive: true, force: true });
}

if (values.json) console.log(JSON.stringify({ bench: 'validate-flow-json', load: machineLoad(), rows, shapes }));
else {
  report('validate-flow-json', rows);
  if (shapes.length > 0) {
    console.log('\nhostile shapes (each in a fresh process; peak RSS includes Node itself and the text, read from a file; CPU time is what the target means on a shared machine):');
    for (const r of shapes) {
      const over = r.cpuMs > 2000 || r.peakRssMb > 300 ? '  over target' : '';
      console.log(`${r.shape.padEnd(20)} ${String(r.mb).padStart(5)} MB  ${String(r.ms).padStart(6)} ms (cpu ${r.cpuMs} ms)  peak ${String(r.peakRssMb).padStart(4)} MB  ${r.diagnostics} diagnostics${over}`);
    }
    console.log('target: at most 2 s and 300 MB for any 10 MB input');
  }
}
