/**
 * Flow JSON **3.0** and **3.1** (frozen for publishing since 2025-04-08; still sendable).
 *
 * Same components as 2.1. `data_channel_uri` is gone from the JSON: the endpoint is set with the API's
 * `endpoint_uri`. (No source documents what 3.1 changed; its shape is taken to be that of 3.0.)
 */
import type { FlowDocument } from './document.js';
import type { ComponentV2_1, FormV2_1, LayoutChildV2_1, LayoutV2_1, ScreenV2_1 } from './v2.js';

export type ComponentV3_0 = ComponentV2_1;
export type FormV3_0 = FormV2_1;
export type LayoutChildV3_0 = LayoutChildV2_1;
export type LayoutV3_0 = LayoutV2_1;
export type ScreenV3_0 = ScreenV2_1;

/** A Flow JSON 3.0 document. */
export type FlowJsonV3_0 = FlowDocument<'3.0', ScreenV3_0>;

export type ComponentV3_1 = ComponentV3_0;
export type FormV3_1 = FormV3_0;
export type LayoutChildV3_1 = LayoutChildV3_0;
export type LayoutV3_1 = LayoutV3_0;
export type ScreenV3_1 = ScreenV3_0;

/** A Flow JSON 3.1 document. */
export type FlowJsonV3_1 = FlowDocument<'3.1', ScreenV3_1>;
