import type { Finding } from '../../diagnostics.js';
import type { JsonPath } from '../../parse.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { hasDynamicPart } from '../../checks/dynamic-values.js';
import * as msg from '../../checks/component-messages.js';

/**
 * Sizes are in KB of 1024 bytes: Meta does not say whether its "KB" and "MB" are 1000 or 1024 bytes, and the larger
 * reading never reports an image Meta would accept.
 */
const KB = 1024;
const MB = 1024 * KB;

/** Data-source item images (CheckboxGroup, RadioButtonsGroup, Dropdown; ≥ 5.0): 300 KB before 6.0, 100 KB from 6.0. */
const ITEM_LIMIT_BEFORE_6_0 = 300 * KB;
const ITEM_LIMIT = 100 * KB;
/** NavigationList item `start.image` (≥ 6.2). */
const NAVIGATION_IMAGE_LIMIT = 100 * KB;
/** Image `src` and ImageCarousel images: Meta recommends about 300 KB. */
const RECOMMENDED_IMAGE_SIZE = 300 * KB;
/** The data channel carries at most 1 MB: the static images of one screen together. */
const SCREEN_TOTAL_LIMIT = MB;

const DATA_SOURCE_COMPONENTS = new Set(['CheckboxGroup', 'RadioButtonsGroup', 'Dropdown']);

/** Markdown inline images of RichText: `data:image/…;base64,` followed by the data. */
const INLINE_IMAGE = /data:image\/[a-z0-9.+-]+;base64,([A-Za-z0-9+/=]*)/gi;

/** Below this many base64 characters the quick estimate is good enough (whitespace only makes it larger). */
const EXACT_FROM = 64 * KB;

/**
 * Decoded size in bytes of base64 text from `start` to `end`: 3 bytes for every 4 characters, padding and whitespace
 * left out. Linear in the length; the exact count (skipping whitespace) only runs on large images.
 */
function base64Bytes(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === 61 /* = */) end--;
  let chars = end - start;
  if (chars >= EXACT_FROM) {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) chars--;
    }
  }
  return Math.floor((chars * 3) / 4);
}

/** Decoded size of a static image value (a `data:…;base64,` prefix is skipped), or undefined for dynamic values. */
export function imageBytes(value: unknown, expressions: boolean): number | undefined {
  if (typeof value !== 'string' || hasDynamicPart(value, expressions)) return undefined;
  let start = 0;
  if (value.startsWith('data:')) {
    const comma = value.indexOf(',');
    if (comma >= 0 && value.slice(0, comma).toLowerCase().endsWith(';base64')) start = comma + 1;
  }
  return base64Bytes(value, start, value.length);
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const limitText = (bytes: number) => `${bytes / KB} KB`;

/**
 * Sizes of static base64 images (flows-platform §2.10, §2.2 6.0):
 * - data-source item `image` of CheckboxGroup, RadioButtonsGroup and Dropdown (≥ 5.0): at most 300 KB before 6.0 and
 *   100 KB from 6.0 — an error;
 * - NavigationList item `start.image` (≥ 6.2): at most 100 KB — an error;
 * - Image `src` and ImageCarousel `images[].src`: Meta recommends about 300 KB — a warning above it;
 * - all static images of one screen together (the above, plus RichText inline `data:image/…;base64,` images): the data
 *   channel carries at most 1 MB — a warning above it, on the screen's `layout`.
 * Meta's catalogue has no code for too large a value: `INVALID_PROPERTY_VALUE`, the closest one (as for too long
 * strings). Bindings and expressions are known at run time only. Sizes are decoded bytes (length × 3/4 minus padding).
 */
export const imageSizeRule = defineRule({
  id: 'flow-json/image-size',
  description: 'Static base64 images are within the size limits of their component and of the screen.',
  // Error: the list-image maximum is a documented breaking change of 6.0 (§2.2), a hard rule though §2.12 names no
  // code; the recommended sizes (Image ~300 KB, 1 MB per screen) are warnings on the findings themselves.
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.2 (6.0 row: list-component image max 300 KB to 100 KB), §2.10 (image sizes)',
  check(ctx) {
    const findings: Finding[] = [];
    const expressions = ctx.atLeast('6.0');
    const itemImages = ctx.atLeast('5.0');
    const itemLimit = expressions ? ITEM_LIMIT : ITEM_LIMIT_BEFORE_6_0;
    const itemRule = expressions ? 'from Flow JSON version 6.0' : 'before Flow JSON version 6.0';
    // Components a version does not have are the component-type rule's.
    const carousels = ctx.atLeast('7.1');
    const navigationLists = ctx.atLeast('6.2');

    for (const screen of ctx.model.screens) {
      let total = 0;
      let bytes = 0;
      /** Adds a static image to the screen total; true when it is larger than `limit` (its size left in `bytes`). */
      const image = (value: unknown, limit: number): boolean => {
        const size = value === undefined ? undefined : imageBytes(value, expressions);
        if (size === undefined) return false;
        total += size;
        bytes = size;
        return size > limit;
      };
      /** Reports the image just measured, at `owner` + `key`. */
      const report = (owner: JsonPath, key: string, limit: number, what: string, warning: boolean) => {
        const why = warning
          ? `${what} should be at most ${limitText(limit)} (Meta's recommendation), but this one is ${kb(bytes)}.`
          : `${what} should be at most ${limitText(limit)}, but this one is ${kb(bytes)}.`;
        const finding: Finding = { code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue(key, owner, why), path: [...owner, key] };
        if (warning) finding.severity = 'warning';
        findings.push(finding);
      };

      for (const c of screen.components) {
        const { node, type } = c;
        // Plain loops and paths built on demand from `c`: a closure over the loop variable would allocate a context
        // for every component (issue 13).
        if (type === 'Image') {
          if (image(node.src, RECOMMENDED_IMAGE_SIZE)) report(c.path, 'src', RECOMMENDED_IMAGE_SIZE, 'An image', true);
        } else if (type === 'ImageCarousel' && carousels && Array.isArray(node.images)) {
          const images: unknown[] = node.images;
          for (let i = 0; i < images.length; i++) {
            const item = images[i];
            if (isObject(item) && image(item.src, RECOMMENDED_IMAGE_SIZE)) report([...c.path, 'images', i], 'src', RECOMMENDED_IMAGE_SIZE, 'A carousel image', true);
          }
        } else if (type !== undefined && DATA_SOURCE_COMPONENTS.has(type) && itemImages && Array.isArray(node['data-source'])) {
          const items: unknown[] = node['data-source'];
          for (let i = 0; i < items.length; i++) {
            const item = items[i];
            if (isObject(item) && image(item.image, itemLimit)) report([...c.path, 'data-source', i], 'image', itemLimit, `A data-source image ${itemRule}`, false);
          }
        } else if (type === 'NavigationList' && navigationLists && Array.isArray(node['list-items'])) {
          const items: unknown[] = node['list-items'];
          for (let i = 0; i < items.length; i++) {
            const item = items[i];
            const start = isObject(item) ? item.start : undefined;
            if (isObject(start) && image(start.image, NAVIGATION_IMAGE_LIMIT)) {
              report([...c.path, 'list-items', i, 'start'], 'image', NAVIGATION_IMAGE_LIMIT, 'A NavigationList start image', false);
            }
          }
        } else if (type === 'RichText') {
          const text = node.text;
          for (const line of Array.isArray(text) ? text : [text]) {
            if (typeof line !== 'string' || !line.includes('base64,')) continue;
            for (const m of line.matchAll(INLINE_IMAGE)) {
              const end = (m.index ?? 0) + m[0].length;
              total += base64Bytes(line, end - (m[1] ?? '').length, end);
            }
          }
        }
      }

      if (total > SCREEN_TOTAL_LIMIT && isObject(screen.node.layout)) {
        const why = `The static images of this screen add up to ${kb(total)}; the data channel carries at most 1 MB (${limitText(SCREEN_TOTAL_LIMIT)}).`;
        findings.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue('layout', screen.path, why), path: [...screen.path, 'layout'], severity: 'warning' });
      }
    }
    return findings;
  },
});
