/**
 * Compile-time value types of a flow: what a data model field holds (`SchemaValue`) and what an input component
 * gives `${form.<name>}` (`InputValue`). The input mapping mirrors `src/platform/input-values.ts` (the one truth,
 * Meta: Flow JSON reference, Forms; Meta: Flow JSON components; Meta: Flow JSON components, Media upload); test/types/contract-agreement.test.ts checks that they agree.
 */
import type { FlowMediaItem } from '../endpoint/media/types.js';

/**
 * The TypeScript type of a data model schema (Meta: Flow JSON reference, Screen data; RFC 8927: declared properties
 * are required). Arrays are readonly so that `as const` data (and answers typed in a const context) fit.
 */
export type SchemaValue<S> = S extends { readonly type: 'string' }
  ? string
  : S extends { readonly type: 'number' | 'integer' }
    ? number
    : S extends { readonly type: 'boolean' }
      ? boolean
      : S extends { readonly type: 'array'; readonly items: infer I }
        ? I extends object
          ? readonly SchemaValue<I>[]
          : readonly unknown[]
        : S extends { readonly type: 'object'; readonly properties: infer P }
          ? { -readonly [K in keyof P]: SchemaValue<P[K]> }
          : S extends { readonly type: 'object' }
            ? Record<string, unknown>
            : unknown;

/** `{ "start-date", "end-date" }`: the value of a CalendarPicker in range mode (Meta: Flow JSON components). */
export interface DateRangeValue {
  'start-date': string;
  'end-date': string;
}

/** An uploaded file as the completion webhook lists it (Meta: Flow JSON components, Media upload). */
export interface CompletedMediaItem {
  file_name: string;
  mime_type: string;
  sha256: string;
  id: string;
}

/** Where a form value travels: in a data_exchange request, or in the completion's `response_json`. */
export type ValueSite = 'exchange' | 'complete';

/**
 * What each input component type gives `${form.<name>}`, by site. Mirrors `INPUT_VALUE_TYPES` of
 * src/platform/input-values.ts.
 */
export interface InputValueByType<Site extends ValueSite = ValueSite> {
  TextArea: string;
  Dropdown: string;
  RadioButtonsGroup: string;
  DatePicker: string;
  CheckboxGroup: string[];
  ChipsSelector: string[];
  OptIn: boolean;
  TextInput: string;
  CalendarPicker: string;
  PhotoPicker: Site extends 'exchange' ? FlowMediaItem[] : CompletedMediaItem[];
  DocumentPicker: Site extends 'exchange' ? FlowMediaItem[] : CompletedMediaItem[];
}

/** The component types that are inputs (`${form.<name>}` reads them). */
export type InputComponentType = keyof InputValueByType;

/**
 * The value of one input component `C`: a `number` TextInput may give a number or a numeric string, a range
 * CalendarPicker gives `{ "start-date", "end-date" }` (as `inputValueType` says at run time).
 */
export type InputValue<C, Site extends ValueSite = 'exchange'> = C extends { readonly type: 'TextInput'; readonly 'input-type': 'number' }
  ? string | number
  : C extends { readonly type: 'CalendarPicker'; readonly mode: 'range' }
    ? DateRangeValue
    : C extends { readonly type: infer T extends InputComponentType }
      ? InputValueByType<Site>[T]
      : unknown;

/** A static value widened to its JSON type (`'a'` → string, `3` → number). */
export type Widen<V> = V extends string
  ? string
  : V extends number
    ? number
    : V extends boolean
      ? boolean
      : V extends readonly (infer E)[]
        ? Widen<E>[]
        : V extends object
          ? { -readonly [K in keyof V]: Widen<V[K]> }
          : V;
