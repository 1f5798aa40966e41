/**
 * Document scaffolding shared by all versions (Meta: Flow JSON reference; Flow JSON reference, Screens; Flow JSON reference, Layout; Flow JSON reference, Routing model): the top-level object,
 * screens and the layout. Each version file plugs its own component unions into these generics.
 */
import type { DataApiVersion } from './common.js';
import type { ScreenDataModel } from './data-model.js';

/**
 * The only layout type. Max **50** components per screen.
 *
 * @typeParam Children - the array type(s) the version allows as `children`.
 */
export interface SingleColumnLayout<Children extends readonly unknown[]> {
  type: 'SingleColumnLayout';
  children: Children;
}

/**
 * Routing model: screen id → ids of the screens it may go to next (forward edges only; empty list allowed).
 * Required for endpoint flows, derived from `navigate` actions otherwise. Max **10** branches per screen,
 * no self edges, no loops, an entry screen with no inbound edges, routes end at terminal screens.
 * DISAGREE: a prose example in Meta's Flow JSON page has a back-edge; the error catalogue rejects it (followed).
 */
export type RoutingModel = Readonly<Record<string, readonly string[]>>;

/** `terminal` / `success`: `success` may only be set on a terminal screen. */
export type TerminalFlags =
  | {
      /** The flow can end on this screen. Requires a Footer; at least one terminal screen per flow. */
      terminal: true;
      /** Default `true`; at least one terminal screen must have `success: true`. */
      success?: boolean;
    }
  | {
      terminal?: false;
      /** Only allowed on terminal screens (NOT_KEYWORD_SCHEMA_VALIDATION_FAILED). */
      success?: never;
    };

/** Screen keys common to all versions. */
export interface ScreenBase<Layout> {
  /**
   * Unique screen id: letters and underscores only (`FIRST_1` is rejected). `SUCCESS` is reserved.
   */
  id: string;
  /** Navigation-bar title; may be dynamic (global references ≥ 4.0). */
  title?: string;
  /**
   * Only with `data_api_version`: pressing back on this screen sends a `BACK` request to the endpoint.
   * Default `false`.
   */
  refresh_on_back?: boolean;
  /** Screen data model: the `${data.*}` fields this screen receives. */
  data?: ScreenDataModel;
  layout: Layout;
}

/** A screen of Flow JSON 2.1 – 5.0. */
export type Screen<Layout> = ScreenBase<Layout> & TerminalFlags;

/** A screen of Flow JSON ≥ 5.1: adds `sensitive`. */
export type ScreenWithSensitive<Layout> = ScreenBase<Layout> &
  TerminalFlags & {
    /**
     * Names of fields whose values are masked (text, date, selection inputs) or hidden (password/passcode,
     * media pickers) in the post-completion summary. OptIn values are shown as they are.
     */
    sensitive?: readonly string[];
  };

/**
 * `data_api_version` marks the flow as endpoint-powered and then requires `routing_model`; without it a
 * `routing_model` is optional (derived from `navigate` actions when absent).
 * (Meta's error catalogue says `data_api_version` is unsupported from 3.0, but every Meta example up to 7.3
 * uses it; the rule really concerns `data_channel_uri`.)
 */
export type EndpointConfig =
  | {
      /**
       * Data API version of the endpoint. Required when any `data_exchange` action is used; requires
       * `routing_model`.
       */
      data_api_version: DataApiVersion;
      /** Allowed screen transitions; required for endpoint flows. */
      routing_model: RoutingModel;
    }
  | {
      data_api_version?: never;
      /** Optional without an endpoint (derived from `navigate` actions when absent). */
      routing_model?: RoutingModel;
    };

/** Top-level keys common to all versions (besides `data_api_version` / `routing_model`). */
export interface FlowDocumentBase<Version extends string, S> {
  /** Flow JSON version, `"{major}.{minor}"`. */
  version: Version;
  /** 1 – 100 screens. */
  screens: readonly S[];
}

/** A Flow JSON document of one version. */
export type FlowDocument<Version extends string, S> = FlowDocumentBase<Version, S> & EndpointConfig;
