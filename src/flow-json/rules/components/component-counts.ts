import type { Finding } from '../../diagnostics.js';
import type { ComponentModel } from '../../model.js';
import { defineRule } from '../../rule.js';
import * as msg from '../../checks/component-messages.js';
import { tallyScreen } from '../../checks/screen-tally.js';

interface ScreenLimit {
  key: string;
  max: number;
  code: string;
  message: (found: number) => string;
}

const perScreen = (type: string, max: number, code: string): ScreenLimit => ({ key: type, max, code, message: (found) => msg.maxPerScreen(type, max, found) });
const picker = (key: string, code: string, what: string): ScreenLimit => ({ key, max: 1, code, message: () => `You can only have a maximum of 1 component of type ${what} per screen.` });

const PICKERS = 'PhotoPicker or DocumentPicker';
const COMPONENTS = 'components';

/**
 * Per-screen maxima (flows-platform §2.11, [M-MEDIA], §2.10). Meta names the codes of EmbeddedLink, Image and OptIn
 * and the pickers' messages; the other codes follow the same pattern (Meta's catalogue names none for them). The
 * Footer count belongs to the Footer rules.
 */
const LIMITS: readonly ScreenLimit[] = [
  perScreen('EmbeddedLink', 2, 'MAX_EMBEDDED_LINK_PER_SCREEN'),
  perScreen('Image', 3, 'MAX_IMAGE_PER_SCREEN'),
  perScreen('OptIn', 5, 'MAX_OPT_IN_PER_SCREEN'),
  picker('PhotoPicker', 'MAX_PHOTO_PICKER_PER_SCREEN', 'PhotoPicker'),
  picker('DocumentPicker', 'MAX_DOCUMENT_PICKER_PER_SCREEN', 'DocumentPicker'),
  picker(PICKERS, 'MAX_MEDIA_PICKER_PER_SCREEN', PICKERS),
  perScreen('NavigationList', 2, 'MAX_NAVIGATION_LIST_PER_SCREEN'),
  perScreen('ImageCarousel', 2, 'MAX_IMAGE_CAROUSEL_PER_SCREEN'),
  perScreen(COMPONENTS, 50, 'MAX_COMPONENTS_PER_SCREEN'),
];
const LIMITED = new Set(LIMITS.map((l) => l.key));
/** Form, If and Switch hold components; they do not count towards the 50 themselves. */
const CONTAINERS = new Set(['Form', 'If', 'Switch']);
const MAX_CAROUSELS_PER_FLOW = 3;

/** What a component counts as: its type (when limited), both pickers together, and one of the screen's components. */
function keysOf(c: ComponentModel): string[] {
  const keys: string[] = [];
  if (c.type !== undefined && LIMITED.has(c.type)) keys.push(c.type);
  if (c.type === 'PhotoPicker' || c.type === 'DocumentPicker') keys.push(PICKERS);
  if (c.type === undefined || !CONTAINERS.has(c.type)) keys.push(COMPONENTS);
  return keys;
}

/**
 * Screens stay within the per-screen maxima (EmbeddedLink 2, Image 3, OptIn 5, PhotoPicker 1, DocumentPicker 1 and not
 * both, NavigationList 2, ImageCarousel 2, 50 components) and the flow within 3 ImageCarousels (flows-platform §2.11).
 * Branches of an If/Switch count for the most one of them shows.
 */
export const componentCountsRule = defineRule({
  id: 'flow-json/component-counts',
  description: 'Screens and the flow stay within the maximum number of components of each type.',
  check(ctx) {
    const findings: Finding[] = [];
    const carousels: ComponentModel[] = [];
    let carouselTotal = 0;
    for (const screen of ctx.model.screens) {
      const tally = tallyScreen(screen, keysOf);
      for (const limit of LIMITS) {
        const found = tally.get(limit.key) ?? 0;
        if (found <= limit.max) continue;
        // Pointed at the first component past the maximum, in document order (there is one: the tally never
        // counts more than the screen holds).
        const at = screen.components.filter((c) => keysOf(c).includes(limit.key))[limit.max];
        findings.push({ code: limit.code, message: limit.message(found), path: at?.path ?? screen.path });
      }
      carouselTotal += tally.get('ImageCarousel') ?? 0;
      for (const c of screen.components) if (c.type === 'ImageCarousel') carousels.push(c);
    }
    if (carouselTotal > MAX_CAROUSELS_PER_FLOW) {
      findings.push({
        code: 'MAX_IMAGE_CAROUSEL_PER_FLOW',
        message: `Maximum number of ImageCarousel allowed per flow is ${MAX_CAROUSELS_PER_FLOW} but found ${carouselTotal}.`,
        path: carousels[MAX_CAROUSELS_PER_FLOW]?.path ?? [],
      });
    }
    return findings;
  },
});
