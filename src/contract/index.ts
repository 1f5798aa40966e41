/**
 * Typed flow contracts: what a flow literal (the result of `defineFlow`, or a module written by
 * `meta-cloud-api types`) says about the code around it. `DataOf<F, 'SCREEN'>` is a screen's data,
 * `ExchangePayload<F, 'SCREEN'>` what its `data_exchange` actions send, `NextScreens<F, 'SCREEN'>` where the routing
 * model lets the endpoint go, `EntryScreens<F>` where a flow may open, `CompletionOf<F>` what the completion carries.
 * The typed endpoint (`createFlowEndpoint({ flow, ... })`), `messages.flow({ flowJson, ... })` and `parseCompletion`
 * are built on these.
 */
export type { SchemaValue, InputValue, InputValueByType, InputComponentType, DateRangeValue, CompletedMediaItem, ValueSite, Widen } from './values.js';
export type { ParsedRef, RefsIn, ClassifyRef, SingleBindingInner, IsNestedExpression } from './references.js';
export type {
  FlowLike,
  ScreensOf,
  ScreenIds,
  ScreenById,
  DataOf,
  ScreenData,
  DataKeys,
  FormOf,
  ScreenForm,
  InputNames,
  ScreenInputs,
  ScreenComponents,
  ComponentsIn,
  ScreenActions,
  ScreenActionsNamed,
} from './screens.js';
export type { PayloadValue, PayloadOf } from './payloads.js';
export type {
  ScreensWithAction,
  ExchangeScreens,
  NextScreens,
  EntryScreens,
  TerminalScreens,
  RefreshOnBackScreens,
  ExchangePayload,
  CompletionPayload,
  CompletionOf,
} from './routing.js';
export type { FlowContractChecks, ContractError, UnknownDataKey, UnknownFormField, UnknownScreen, MissingPayloadKey } from './flow-checks.js';
