/**
 * Shared building blocks of Flow JSON (Meta: Flow JSON reference; Flow JSON reference, Dynamic properties): dynamic bindings, JSON values and
 * small literal types used by every version line.
 *
 * Key casing on the wire: top-level and screen keys are snake_case (`data_api_version`, `routing_model`,
 * `data_channel_uri`, `refresh_on_back`); component and action properties are kebab-case
 * (`on-click-action`, `data-source`, `init-value`, …).
 */

/**
 * A value bound to dynamic data: a string containing at least one `${…}` reference, e.g.
 * `"${data.countries}"`, `"${form.first_name}"`, `"${screen.FIRST.form.name}"` (global refs, ≥ 4.0) or a
 * nested expression in backticks such as `` "`${form.age} > 18`" `` (≥ 6.0).
 *
 * Used for properties whose static type is not a string (booleans, numbers, arrays, objects). String
 * properties accept bindings already, since every binding is a string. A property is either static or
 * a binding; mixing text and a binding outside a nested expression is a compile error on Meta's side.
 */
export type Binding = `${string}${'${'}${string}}${string}`;

/** A value that is either given statically (`T`) or bound to dynamic data. */
export type Dynamic<T> = T | Binding;

/**
 * A JSON value as allowed in Flow JSON. `null` is not valid anywhere (type checking follows RFC 8927):
 * omit the field or send an empty primitive instead (§2.5).
 */
export type JsonValue = string | number | boolean | readonly JsonValue[] | JsonObject;

/** A JSON object (no `null` values). */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** An array with at least one element. */
export type NonEmptyArray<T> = readonly [T, ...T[]];

/** Data API version of an endpoint-powered flow (§2.1, §3.7). `4.0` is recommended. */
export type DataApiVersion = '3.0' | '4.0';

/**
 * Epoch milliseconds as a string, e.g. `"1693569600000"`: DatePicker date format before Flow JSON 5.0.
 * The business and the user must share a time zone.
 */
export type EpochMillisString = `${number}`;

/** A calendar date `"YYYY-MM-DD"`, e.g. `"2024-10-21"`: DatePicker (≥ 5.0) and CalendarPicker format. */
export type IsoDateString = `${number}-${number}-${number}`;

/** Font weight of TextBody / TextCaption. */
export type FontWeight = 'bold' | 'italic' | 'bold_italic' | 'normal';

/** `input-type` of TextInput. Default `text`. */
export type TextInputType = 'text' | 'number' | 'email' | 'password' | 'passcode' | 'phone';

/** Image size in CheckboxGroup / RadioButtonsGroup (≥ 5.0) and NavigationList (≥ 6.2). Default `regular`. */
export type MediaSize = 'regular' | 'large';

/** `scale-type` of Image and ImageCarousel. Default `contain`. */
export type ScaleType = 'cover' | 'contain';
