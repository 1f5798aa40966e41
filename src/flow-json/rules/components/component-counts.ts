import type { Finding } from '../../diagnostics.js';
import type { ComponentModel } from '../../model.js';
import { defineRule } from '../../rule.js';
import * as msg from '../../checks/component-messages.js';
import { tallyScreen } from '../../checks/screen-tally.js';
import { IMAGE_CAROUSELS_PER_FLOW, PAST_DOCUMENTED_MAXIMUM, PER_SCREEN_LIMITS, type CountLimit } from '../../../platform/limits.js';

const PICKERS = 'PhotoPicker or DocumentPicker';
const COMPONENTS = 'components';

/** What a count past a limit reads; Meta's wording where it has one ([M-MEDIA] for the pickers, §2.11 otherwise). */
function messageFor(limit: CountLimit, found: number): string {
  const text =
    limit.what.endsWith('Picker') || limit.what === PICKERS
      ? `You can only have a maximum of 1 component of type ${limit.what} per screen.`
      : msg.maxPerScreen(limit.what, limit.max, found);
  return limit.severity === 'warning' ? `${text} ${PAST_DOCUMENTED_MAXIMUM}.` : text;
}

/** Per-screen maxima and their severities: src/platform/limits.ts (flows-platform §2.11, [M-MEDIA], §2.10). */
const LIMITS = PER_SCREEN_LIMITS;
const LIMITED = new Set(LIMITS.map((l) => l.what));
/** Form, If and Switch hold components; they do not count towards the 50 themselves. */
const CONTAINERS = new Set(['Form', 'If', 'Switch']);

/** What a component counts as: its type (when limited), both pickers together, and one of the screen's components. */
function keysOf(c: ComponentModel): readonly string[] {
  const type = c.type;
  let keys = KEYS_BY_TYPE.get(type);
  if (!keys) {
    const list: string[] = [];
    if (type !== undefined && LIMITED.has(type)) list.push(type);
    if (type === 'PhotoPicker' || type === 'DocumentPicker') list.push(PICKERS);
    if (type === undefined || !CONTAINERS.has(type)) list.push(COMPONENTS);
    keys = list;
    // Any string can be a type: only the catalogue's few are kept.
    if (KEYS_BY_TYPE.size < 256) KEYS_BY_TYPE.set(type, keys);
  }
  return keys;
}

/** keysOf depends on the type only: one list per type, shared (read only). */
const KEYS_BY_TYPE = new Map<string | undefined, readonly string[]>();

/**
 * Screens stay within the per-screen maxima (EmbeddedLink 2, Image 3, OptIn 5, PhotoPicker 1, DocumentPicker 1 and not
 * both, NavigationList 2, ImageCarousel 2, 50 components) and the flow within 3 ImageCarousels (flows-platform §2.11).
 * Branches of an If/Switch count for the most one of them shows.
 */
export const componentCountsRule = defineRule({
  id: 'flow-json/component-counts',
  description: 'Screens and the flow stay within the maximum number of components of each type.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.11, §2.12 MAX_*_PER_SCREEN, [M-MEDIA]; uncatalogued maxima are warnings (src/platform/limits.ts)',
  check(ctx) {
    const findings: Finding[] = [];
    const carousels: ComponentModel[] = [];
    let carouselTotal = 0;
    for (const screen of ctx.model.screens) {
      const tally = tallyScreen(screen, keysOf);
      for (const limit of LIMITS) {
        const found = tally.get(limit.what) ?? 0;
        if (found <= limit.max) continue;
        // Pointed at the first component past the maximum, in document order (there is one: the tally never
        // counts more than the screen holds).
        const at = screen.components.filter((c) => keysOf(c).includes(limit.what))[limit.max];
        findings.push({ code: limit.code, message: messageFor(limit, found), path: at?.path ?? screen.path, severity: limit.severity });
      }
      carouselTotal += tally.get('ImageCarousel') ?? 0;
      for (const c of screen.components) if (c.type === 'ImageCarousel') carousels.push(c);
    }
    const perFlow = IMAGE_CAROUSELS_PER_FLOW;
    if (carouselTotal > perFlow.max) {
      findings.push({
        code: perFlow.code,
        message: `Maximum number of ImageCarousel allowed per flow is ${perFlow.max} but found ${carouselTotal}. ${PAST_DOCUMENTED_MAXIMUM}.`,
        path: carousels[perFlow.max]?.path ?? [],
        severity: perFlow.severity,
      });
    }
    return findings;
  },
});
