/**
 * Platform rule owned here: Meta's documented limits on a Flow JSON document (sizes, counts, lengths) and how
 * hard each one is. Consumers: the validator (`src/flow-json/checks/schema-walk.ts` for lengths and item counts,
 * `rules/components/component-counts.ts` for per-screen and per-flow counts).
 *
 * Severity follows what Meta does, not only what it writes (flows-platform §6.5): a limit is an `error` when Meta
 * rejects it at upload or publish — a catalogued code of §2.12 or a validation message Meta documents — and a
 * `warning` when Meta documents it but its catalogue has no error for it.
 */

export type LimitSeverity = 'error' | 'warning';

/**
 * Lengths and item counts of component properties (the §2.10 tables; the numbers live in the component catalogue,
 * `src/platform/components/`):
 * - minimum lengths and item counts are errors: MIN_CHARS_REQUIRED / MIN_ITEMS_REQUIRED (§2.12);
 * - maximum lengths are warnings: §2.12 has no maximum-length code and a flow with a 21-character TextInput `label`
 *   (documented limit 20) was published (§6.5); WhatsApp may cut the text;
 * - maximum item counts (options of a list, NavigationList items, ImageCarousel images, tags) are warnings for the
 *   same reason: §2.12 has no code for them, only the documented numbers of §2.10;
 * - numeric ranges are errors: MINIMUM_VALUE_REQUIRED / MAXIMUM_VALUE_REQUIRED (§2.11, §2.12).
 */
export const PROPERTY_LIMIT_SEVERITY = {
  /** Also minimum item counts and numeric ranges: the component-limits rule. */
  minLength: 'error',
  /** Also maximum item counts: the component-max-limits rule. */
  maxLength: 'warning',
} as const satisfies Record<string, LimitSeverity>;

export interface CountLimit {
  /** A component type, or a group (`PhotoPicker or DocumentPicker`, `components`). */
  what: string;
  max: number;
  /** Meta's code where the catalogue names one; otherwise the same pattern, marked `catalogued: false`. */
  code: string;
  catalogued: boolean;
  severity: LimitSeverity;
  evidence: string;
}

/** Per-screen maxima (flows-platform §2.11, §2.10, [M-MEDIA]). The Footer maximum belongs to the Footer rules. */
export const PER_SCREEN_LIMITS: readonly CountLimit[] = [
  { what: 'EmbeddedLink', max: 2, code: 'MAX_EMBEDDED_LINK_PER_SCREEN', catalogued: true, severity: 'error', evidence: 'flows-platform §2.11 (catalogued code)' },
  { what: 'Image', max: 3, code: 'MAX_IMAGE_PER_SCREEN', catalogued: true, severity: 'error', evidence: 'flows-platform §2.11 (catalogued code)' },
  { what: 'OptIn', max: 5, code: 'MAX_OPT_IN_PER_SCREEN', catalogued: true, severity: 'error', evidence: 'flows-platform §2.11 (catalogued code)' },
  { what: 'PhotoPicker', max: 1, code: 'MAX_PHOTO_PICKER_PER_SCREEN', catalogued: false, severity: 'error', evidence: 'flows-platform §2.10 [M-MEDIA] validation message "You can only have a maximum of 1 component of type PhotoPicker per screen."' },
  { what: 'DocumentPicker', max: 1, code: 'MAX_DOCUMENT_PICKER_PER_SCREEN', catalogued: false, severity: 'error', evidence: 'flows-platform §2.10 [M-MEDIA] validation message' },
  { what: 'PhotoPicker or DocumentPicker', max: 1, code: 'MAX_MEDIA_PICKER_PER_SCREEN', catalogued: false, severity: 'error', evidence: 'flows-platform §2.10 [M-MEDIA] validation message "…of type PhotoPicker or DocumentPicker per screen."' },
  // Documented in the component table only; §2.12 has no code and Meta documents no validation message.
  { what: 'NavigationList', max: 2, code: 'MAX_NAVIGATION_LIST_PER_SCREEN', catalogued: false, severity: 'warning', evidence: 'flows-platform §2.10 NavigationList, §2.11 (no catalogued code)' },
  { what: 'ImageCarousel', max: 2, code: 'MAX_IMAGE_CAROUSEL_PER_SCREEN', catalogued: false, severity: 'warning', evidence: 'flows-platform §2.10 ImageCarousel, §2.11 (no catalogued code)' },
  { what: 'components', max: 50, code: 'MAX_COMPONENTS_PER_SCREEN', catalogued: false, severity: 'warning', evidence: 'flows-platform §2.4 [M-COMP], §2.11 (no catalogued code)' },
];

/** ImageCarousels per flow: documented (§2.10, §2.11), no catalogued code: a warning. */
export const IMAGE_CAROUSELS_PER_FLOW: CountLimit = {
  what: 'ImageCarousel',
  max: 3,
  code: 'MAX_IMAGE_CAROUSEL_PER_FLOW',
  catalogued: false,
  severity: 'warning',
  evidence: 'flows-platform §2.10 ImageCarousel, §2.11 (no catalogued code)',
};

/** Screens per flow: MAX_SCREENS_NUMBER (§2.1, §2.11, §2.12): an error. */
export const MAX_SCREENS = 100;
/** Outgoing routes per screen: INVALID_ROUTING_MODEL "Number of branches exceeds the max limit of 10" (§2.9): an error. */
export const MAX_ROUTING_BRANCHES = 10;

/** What WhatsApp does past an uncatalogued maximum, for warning messages. */
export const PAST_DOCUMENTED_MAXIMUM = 'Meta documents this maximum but its validation has no error for it: WhatsApp may cut or refuse what goes past it';
