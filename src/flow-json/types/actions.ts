/**
 * Actions (Meta: Flow JSON reference, Actions). Every action is an object discriminated on `name`; which actions a
 * property accepts depends on the component and the Flow JSON version (see the per-version unions at the
 * end of this file).
 */
import type { JsonObject, JsonValue } from './common.js';

/** Free-form action payload. Values may be static JSON or bindings such as `"${form.email}"`. */
export type ActionPayload = JsonObject;

/** Target of a `navigate` action. */
export interface NavigateTarget {
  /** Always `screen` (pywa also models `plugin`, which Meta does not document). */
  type: 'screen';
  /** Id of an existing screen other than the current one. */
  name: string;
}

/**
 * `navigate`: go to another screen of the flow without calling the endpoint.
 *
 * The payload becomes the next screen's `${data.*}`; in endpoint-less flows its keys must match the
 * target's data model exactly, with matching types. PhotoPicker/DocumentPicker values are not allowed in
 * it. Don't use it on a terminal screen's Footer.
 */
export interface NavigateAction {
  name: 'navigate';
  next: NavigateTarget;
  payload?: ActionPayload;
}

/**
 * `data_exchange`: send the payload to the business endpoint, which answers with the next screen.
 * Requires `data_api_version` (and `routing_model`) at the top level.
 */
export interface DataExchangeAction {
  name: 'data_exchange';
  payload?: ActionPayload;
}

/**
 * `complete`: end the flow and deliver the payload in the completion webhook (`response_json`).
 * Footer only, and only on terminal screens. Keep the payload small (no base64 images).
 */
export interface CompleteAction {
  name: 'complete';
  payload?: ActionPayload;
}

/**
 * `update_data` (≥ 6.0): update fields of the current screen's data model on the device. Every payload key
 * must exist in the current screen's data model.
 */
export interface UpdateDataAction {
  name: 'update_data';
  payload: Readonly<Record<string, JsonValue>>;
}

/** `open_url` (≥ 6.0): open a web page; no payload. EmbeddedLink and OptIn only. */
export interface OpenUrlAction {
  name: 'open_url';
  /** An absolute URL, e.g. `https://example.com/terms`. */
  url: string;
}

/** Any action of any version. */
export type FlowAction = NavigateAction | DataExchangeAction | CompleteAction | UpdateDataAction | OpenUrlAction;

/** Name of any action. */
export type FlowActionName = FlowAction['name'];

// ---- What each property accepts, by version --------------------------------------------------------------

/** Footer `on-click-action` (all versions). */
export type FooterAction = NavigateAction | DataExchangeAction | CompleteAction;

/** EmbeddedLink / OptIn `on-click-action` before 6.0 (`complete` is rejected with INVALID_ENUM_VALUE). */
export type LinkActionV2_1 = NavigateAction | DataExchangeAction;

/** EmbeddedLink / OptIn `on-click-action` from 6.0: adds `open_url`. */
export type LinkActionV6_0 = NavigateAction | DataExchangeAction | OpenUrlAction;

/** `on-select-action` of CheckboxGroup / RadioButtonsGroup / Dropdown before 6.0; DatePicker and CalendarPicker always. */
export type SelectActionV2_1 = DataExchangeAction;

/** `on-select-action` of CheckboxGroup / RadioButtonsGroup / Dropdown from 6.0: adds `update_data`. */
export type SelectActionV6_0 = DataExchangeAction | UpdateDataAction;

/**
 * `on-unselect-action` (≥ 6.0) and the actions of data-source items (≥ 6.0): `update_data` only.
 * If a component has no `on-unselect-action`, its `on-select-action` handles both select and unselect.
 */
export type UnselectAction = UpdateDataAction;

/** NavigationList `on-click-action` (≥ 6.2), on the component or on every item. */
export type NavigationListAction = NavigateAction | DataExchangeAction;
