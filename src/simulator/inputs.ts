import type { JsonObject } from '../flow-json/values.js';
import type { DateFormat } from './dates.js';
import { atLeast, type FlowDefinition } from './flow.js';
import { describeFile, isSimulatedFile } from './media.js';

/**
 * The input components and the kind of value each holds (flows-platform §2.10), as `fill` takes it and
 * `${form.x}` gives it:
 * - `text` (TextInput, TextArea): a string; a TextInput with `input-type: number` gives a number to expressions
 *   and payloads;
 * - `single` (RadioButtonsGroup, Dropdown): the id of a `data-source` item;
 * - `multi` (CheckboxGroup, ChipsSelector): an array of item ids;
 * - `boolean` (OptIn): true or false;
 * - `date` (DatePicker, CalendarPicker single): `"YYYY-MM-DD"` (DatePicker before 5.0: epoch ms as a string);
 * - `date-range` (CalendarPicker range): `{ "start-date": "YYYY-MM-DD", "end-date": "YYYY-MM-DD" }`;
 * - `media` (PhotoPicker, DocumentPicker): an array of files (file names or `{ file_name, mime_type?, size? }`).
 */
export type InputKind = 'text' | 'single' | 'multi' | 'boolean' | 'date' | 'date-range' | 'media';

const KINDS: Record<string, InputKind> = {
  TextInput: 'text',
  TextArea: 'text',
  RadioButtonsGroup: 'single',
  Dropdown: 'single',
  CheckboxGroup: 'multi',
  ChipsSelector: 'multi',
  OptIn: 'boolean',
  DatePicker: 'date',
  CalendarPicker: 'date',
  PhotoPicker: 'media',
  DocumentPicker: 'media',
};

/** The kind of value an input component holds; undefined for components that are not inputs. */
export function inputKind(component: JsonObject): InputKind | undefined {
  const kind = typeof component.type === 'string' ? KINDS[component.type] : undefined;
  if (kind === 'date' && component.type === 'CalendarPicker' && component.mode === 'range') return 'date-range';
  return kind;
}

/** Whether the component is a TextInput with `input-type: number`. */
export function isNumberInput(component: JsonObject): boolean {
  return component.type === 'TextInput' && component['input-type'] === 'number';
}

/** The date format of a date component: epoch ms for DatePicker before 5.0, `YYYY-MM-DD` otherwise. */
export function dateFormat(component: JsonObject, flow: Pick<FlowDefinition, 'version'>): DateFormat {
  return component.type === 'DatePicker' && !atLeast(flow, '5.0') ? 'epoch-ms' : 'iso';
}

/**
 * The value `${form.x}` gives for a stored value: numbers for number inputs, the files for pickers, the
 * stored value otherwise; undefined when nothing was entered.
 */
export function formValue(component: JsonObject, stored: unknown, _flow?: FlowDefinition): unknown {
  if (stored === undefined) return undefined;
  if (stored === '') return isNumberInput(component) ? undefined : '';
  if (isNumberInput(component) && typeof stored === 'string') {
    const n = Number(stored);
    return Number.isFinite(n) ? n : stored;
  }
  return stored;
}

/** A stored value as `sim.form` shows it: like `${form.x}`, with files described without their placeholders. */
export function publicValue(component: JsonObject, stored: unknown): unknown {
  const value = formValue(component, stored);
  if (Array.isArray(value) && value.every(isSimulatedFile)) return value.map(describeFile);
  return value;
}
