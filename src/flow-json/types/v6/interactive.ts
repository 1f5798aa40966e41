/** Flow JSON 6.0: `open_url` on EmbeddedLink / OptIn, and `update_data` select actions on OptIn. */
import type { LinkActionV6_0, UnselectAction } from '../actions.js';
import type { EmbeddedLinkV2_1 } from '../v2/interactive.js';
import type { OptInV4_0 } from '../v4/inputs.js';

/**
 * `OptIn` (6.0 shape). Limits: `label` **120** chars (pywa: 30); max **5** per screen.
 */
export interface OptInV6_0 extends Omit<OptInV4_0, 'on-click-action'> {
  /** "Read more" link: `navigate`, `data_exchange` or `open_url`. */
  'on-click-action'?: LinkActionV6_0;
  /** `update_data` when checked (and unchecked, without `on-unselect-action`). */
  'on-select-action'?: UnselectAction;
  /** `update_data` when unchecked. */
  'on-unselect-action'?: UnselectAction;
}

/**
 * `EmbeddedLink` (6.0 shape). Limits: `text` **25** chars (pywa: 35), non-blank; max **2** per screen.
 */
export interface EmbeddedLinkV6_0 extends Omit<EmbeddedLinkV2_1, 'on-click-action'> {
  /** `navigate`, `data_exchange` or `open_url` (not `complete`). */
  'on-click-action': LinkActionV6_0;
}
