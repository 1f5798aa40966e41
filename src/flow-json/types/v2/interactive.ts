/** Footer, OptIn and EmbeddedLink of Flow JSON 2.1 (Meta: Flow JSON components, Other interactive). */
import type { Binding } from '../common.js';
import type { FooterAction, LinkActionV2_1 } from '../actions.js';
import type { Visibility } from './text.js';
import type { Requirable } from './inputs.js';

/** Footer captions: either `center-caption` alone, or `left-caption` and `right-caption` together. */
export type FooterCaptions =
  | {
      'center-caption'?: string;
      'left-caption'?: never;
      'right-caption'?: never;
    }
  | {
      'left-caption': string;
      'right-caption': string;
      'center-caption'?: never;
    };

/** Footer properties besides the captions. */
export interface FooterProps {
  type: 'Footer';
  label: string;
  'on-click-action': FooterAction;
  enabled?: boolean | Binding;
}

/**
 * `Footer`: the screen's main button. Max **1** per screen (counting If/Switch branches); required on
 * terminal screens. `complete` only on terminal screens.
 *
 * Limits: `label` **35** chars, captions **15** chars each.
 */
export type FooterV2_1 = FooterProps & FooterCaptions;

/**
 * `OptIn` (2.1 shape): a checkbox with an optional "Read more" link (`on-click-action`).
 *
 * Limits: `label` **120** chars (Meta; pywa says 30); max **5** per screen.
 */
export interface OptInV2_1 extends Visibility, Requirable {
  type: 'OptIn';
  name: string;
  label: string;
  'on-click-action'?: LinkActionV2_1;
}

/**
 * `EmbeddedLink` (2.1 shape): a text link.
 *
 * Limits: `text` **25** chars in the current docs (older docs and pywa: 35; Meta's 2.1 `sign_in` example
 * has 30), non-blank; max **2** per screen.
 */
export interface EmbeddedLinkV2_1 extends Visibility {
  type: 'EmbeddedLink';
  text: string;
  'on-click-action': LinkActionV2_1;
}
