#!/usr/bin/env node
/**
 * Validates a generated flow of 100 screens x 50 components and prints the time as a ratio to JSON.parse of the
 * same text, measured in the same run (interleaved rounds, medians). Target: within 20x of JSON.parse.
 *
 *   npm run bench            (builds first)
 *   node bench/validate-flow-json.mjs --rounds 9
 */
import { parseArgs } from 'node:util';
import { validateFlowJson } from '../dist/flow-json.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '9' }, screens: { type: 'string', default: '100' }, json: { type: 'boolean', default: false } } });
const ROUNDS = Number(values.rounds);
const SCREENS = Number(values.screens);

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

const text = JSON.stringify(generate(SCREENS), null, 2);
const first = validateFlowJson(text);
if (!first.valid) {
  console.error('The generated flow should be valid but has errors:', first.errors.slice(0, 5));
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn, reps) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / reps;
}
const parse = () => JSON.parse(text);
const validate = () => validateFlowJson(text);
time(parse, 5);
time(validate, 2);
const parseTimes = [];
const validateTimes = [];
for (let r = 0; r < ROUNDS; r++) {
  parseTimes.push(time(parse, 20));
  validateTimes.push(time(validate, 3));
  process.stderr.write(`round ${r + 1}/${ROUNDS}\r`);
}
process.stderr.write('\n');
const result = {
  screens: SCREENS,
  componentsPerScreen: 50,
  bytes: Buffer.byteLength(text),
  jsonParseMs: +median(parseTimes).toFixed(2),
  validateMs: +median(validateTimes).toFixed(2),
  ratio: +(median(validateTimes) / median(parseTimes)).toFixed(2),
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(`flow: ${SCREENS} screens x 50 components, ${(result.bytes / 1024).toFixed(0)} KiB`);
  console.log(`JSON.parse        ${result.jsonParseMs} ms`);
  console.log(`validateFlowJson  ${result.validateMs} ms`);
  console.log(`ratio validateFlowJson / JSON.parse: ${result.ratio} (target: within 20)`);
}
