/**
 * `meta-cloud-api/preview`: a local previewer for WhatsApp Flows. `createPreviewServer({ flowJson })` returns a
 * Web handler and `listen()`; the page it serves renders the flow as WhatsApp does and plays it with the same
 * simulator runtime as `meta-cloud-api/simulator` (Node only: it reads the built page from disk).
 */
export { createPreviewServer, DEFAULT_PREVIEW_PORT, type PreviewServer, type PreviewServerOptions } from './server.js';
export type { PreviewConfig, PreviewFlowState } from './page/config.js';
