/** Entry components: TextInput (input types, limits), TextArea, DatePicker and CalendarPicker (single and range). */
import { h, str } from '../dom.js';
import { enabled, props, type ComponentContext } from './context.js';
import { field } from './field.js';

/** HTML input types for Meta's `input-type`s (text, number, email, password, passcode, phone). */
const INPUT_TYPES: Record<string, { type: string; inputmode?: string }> = {
  text: { type: 'text' },
  number: { type: 'text', inputmode: 'decimal' },
  email: { type: 'email', inputmode: 'email' },
  password: { type: 'password' },
  passcode: { type: 'password', inputmode: 'numeric' },
  phone: { type: 'tel', inputmode: 'tel' },
};

export function textInput(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const kind = INPUT_TYPES[str(p['input-type'])] ?? INPUT_TYPES.text!;
  const max = typeof p['max-chars'] === 'number' ? p['max-chars'] : undefined;
  const input = h('input', {
    id: ctx.id,
    class: 'c-input',
    type: kind.type,
    inputmode: kind.inputmode,
    name: ctx.component.name,
    value: str(ctx.value),
    maxlength: max,
    disabled: !enabled(ctx),
    required: p.required === true,
    autocomplete: 'off',
    onchange: (e) => ctx.answer(ctx.component.name!, (e.target as HTMLInputElement).value),
  });
  return field(ctx, input, max === undefined ? [] : [counter(str(ctx.value).length, max)]);
}

export function textArea(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const max = typeof p['max-length'] === 'number' ? p['max-length'] : undefined;
  const area = h('textarea', {
    id: ctx.id,
    class: 'c-input c-textarea',
    name: ctx.component.name,
    maxlength: max,
    rows: 3,
    disabled: !enabled(ctx),
    required: p.required === true,
    onchange: (e) => ctx.answer(ctx.component.name!, (e.target as HTMLTextAreaElement).value),
  });
  area.value = str(ctx.value);
  return field(ctx, area, max === undefined ? [] : [counter(str(ctx.value).length, max)]);
}

function counter(length: number, max: number): HTMLElement {
  return h('span', { class: 'c-counter', 'aria-hidden': 'true' }, `${length}/${max}`);
}

/** DatePicker: `YYYY-MM-DD` from 5.0, epoch milliseconds as a string before (flows-platform §2.10, the simulator's `dateFormat`). */
export function datePicker(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const epoch = ctx.component.type === 'DatePicker' && Number(ctx.version) < 5;
  const toIso = (v: unknown) => (epoch && /^\d+$/.test(str(v)) ? new Date(Number(v)).toISOString().slice(0, 10) : dateOnly(v));
  const input = h('input', {
    id: ctx.id,
    class: 'c-input',
    type: 'date',
    name: ctx.component.name,
    value: toIso(ctx.value),
    min: toIso(p['min-date']) || undefined,
    max: toIso(p['max-date']) || undefined,
    disabled: !enabled(ctx),
    required: p.required === true,
    onchange: (e) => {
      const iso = (e.target as HTMLInputElement).value;
      ctx.answer(ctx.component.name!, epoch && iso ? String(Date.parse(`${iso}T00:00:00Z`)) : iso || undefined);
    },
  });
  return field(ctx, input);
}

/** CalendarPicker: one date (`mode: single`) or a start and an end date (`mode: range`, `{ start-date, end-date }`). */
export function calendarPicker(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  if (p.mode !== 'range') return datePicker(ctx);
  const range = (typeof ctx.value === 'object' && ctx.value !== null ? ctx.value : {}) as Record<string, unknown>;
  const labels = (typeof p.label === 'object' && p.label !== null ? p.label : {}) as Record<string, unknown>;
  const pick = (key: 'start-date' | 'end-date', text: string) => {
    const id = `${ctx.id}-${key}`;
    const input = h('input', {
      id,
      class: 'c-input',
      type: 'date',
      value: dateOnly(range[key]),
      min: dateOnly(p['min-date']) || undefined,
      max: dateOnly(p['max-date']) || undefined,
      disabled: !enabled(ctx),
      onchange: (e) => {
        const next = { ...range, [key]: (e.target as HTMLInputElement).value };
        if (next['start-date'] && next['end-date']) ctx.answer(ctx.component.name!, next);
        else range[key] = next[key];
      },
    });
    return h('div', { class: 'c-range-part' }, h('label', { class: 'c-label', for: id }, text), input);
  };
  const title = str(p.title) || (typeof p.label === 'string' ? p.label : '');
  const error = ctx.error ? h('p', { class: 'c-error', role: 'alert' }, ctx.error) : undefined;
  const helper = str(p['helper-text']);
  return h(
    'fieldset',
    { class: 'c-field c-range' },
    h('legend', { class: 'c-label' }, title || 'Dates'),
    pick('start-date', str(labels['start-date']) || 'Start date'),
    pick('end-date', str(labels['end-date']) || 'End date'),
    error,
    helper ? h('p', { class: 'c-helper' }, helper) : undefined,
  );
}

function dateOnly(v: unknown): string {
  const s = str(v);
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : '';
}
