/** `NavigationList`, new in Flow JSON 6.2 (Meta: Flow JSON components, Other interactive). */
import type { NavigationListAction } from '../actions.js';
import type { Binding, MediaSize } from '../common.js';

/**
 * One entry of a NavigationList.
 *
 * Limits: `main-content.title` **30** chars, `main-content.description` **20**, `main-content.metadata` **80**;
 * `end.title`, `end.description`, `end.metadata` **10** each (DISAGREE: pywa allows 20 / 80 for end
 * description / metadata; Meta says 10); `badge` **15** (at most one item per list may have one);
 * `tags` up to **3** of **15** chars; `start.image` ≤ 100 KB.
 */
export interface NavigationListItemV6_2 {
  /**
   * Item id (present in all of Meta's examples; required by pywa). Optional, as in the component catalogue: Meta's
   * table does not mark it required (Meta: Flow JSON components), so the validator does not reject a list without it.
   */
  id?: string;
  'main-content': {
    title: string;
    description?: string;
    metadata?: string;
  };
  start?: {
    /** Base64 image data. */
    image: string;
    'alt-text'?: string;
  };
  /** Not compatible with `media-size: large`. */
  end?: {
    title?: string;
    description?: string;
    metadata?: string;
  };
  badge?: string;
  tags?: readonly string[];
  'on-click-action'?: NavigationListAction;
}

/** An item that carries its own `on-click-action`. */
export interface NavigationListItemWithActionV6_2 extends NavigationListItemV6_2 {
  'on-click-action': NavigationListAction;
}

/** Properties shared by both ways of attaching the action. */
export interface NavigationListBase {
  type: 'NavigationList';
  name: string;
  /** Max **80** chars. */
  label?: string;
  /** Max **300** chars (truncated beyond). */
  description?: string;
  /** Default `regular`. */
  'media-size'?: MediaSize;
}

/** The action is given either once on the component or on every item, not both. */
export type NavigationListItemsV6_2 =
  | {
      'on-click-action': NavigationListAction;
      'list-items': readonly Omit<NavigationListItemV6_2, 'on-click-action'>[] | Binding;
    }
  | {
      'on-click-action'?: never;
      'list-items': readonly NavigationListItemWithActionV6_2[] | Binding;
    };

/**
 * `NavigationList` (≥ 6.2): a list of rich entries, each leading to a screen (`navigate`) or the endpoint
 * (`data_exchange`). **1 – 20** items. Not on terminal screens; at most **2** per screen and no other
 * components on the same screen.
 */
export type NavigationListV6_2 = NavigationListBase & NavigationListItemsV6_2;
