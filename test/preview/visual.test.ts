/**
 * Visual regression: the phone drawn for each look (Android, iOS, WhatsApp Web) and theme (light, dark), and each
 * component screen, compared with the references in test/preview/screenshots/ within a small pixel tolerance.
 * The comparison runs in the same Chromium (two images drawn on canvases), so no image library is needed.
 * Update the references with `npm run test:update-screenshots` (UPDATE_SCREENSHOTS=1) after a deliberate change.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestChromium } from '../helpers/chromium.js';
import { testPreviews, type TestPreviews } from '../helpers/preview-server.js';

const REFERENCES = new URL('./screenshots/', import.meta.url);
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** A pixel differs when a channel differs by more than this (anti-aliasing noise stays under it). */
const CHANNEL_TOLERANCE = 48;
/** At most this share of the pixels may differ. */
const MAX_DIFFERENT = 0.01;

let browser: Browser;
let previews: TestPreviews;
let flowJson: string;
beforeAll(async () => {
  [browser, previews, flowJson] = await Promise.all([launchTestChromium(), testPreviews(), readFile(new URL('../fixtures/preview/components.flow.json', import.meta.url), 'utf8')]);
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await previews?.close();
});

async function shoot(screen: string, look: string, theme: string): Promise<Buffer> {
  const url = await previews.start({ flowJson, screen });
  const page = await browser.newPage({ viewport: { width: 480, height: 780 }, deviceScaleFactor: 1 });
  await page.goto(`${url}?look=${look}&theme=${theme}&panel=0&watch=0`);
  await page.evaluate(() => (window as unknown as { metaPreview: { ready: Promise<void> } }).metaPreview.ready);
  const png = await page.locator('#phone').screenshot({ animations: 'disabled', caret: 'hide' });
  await page.close();
  return png;
}

/** Share of pixels that differ beyond the channel tolerance (1 when the sizes differ). */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const page = await browser.newPage();
  const share = await page.evaluate(
    async ({ a, b, tolerance }) => {
      const load = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height);
      };
      const [x, y] = await Promise.all([load(a), load(b)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let different = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if (Math.abs(x.data[i]! - y.data[i]!) > tolerance || Math.abs(x.data[i + 1]! - y.data[i + 1]!) > tolerance || Math.abs(x.data[i + 2]! - y.data[i + 2]!) > tolerance) different++;
      }
      return different / (x.width * x.height);
    },
    { a: `data:image/png;base64,${a.toString('base64')}`, b: `data:image/png;base64,${b.toString('base64')}`, tolerance: CHANNEL_TOLERANCE },
  );
  await page.close();
  return share;
}

const CASES: Array<[screen: string, look: string, theme: string]> = [
  ['FORM', 'android', 'light'],
  ['FORM', 'android', 'dark'],
  ['FORM', 'ios', 'light'],
  ['FORM', 'ios', 'dark'],
  ['FORM', 'web', 'light'],
  ['FORM', 'web', 'dark'],
  ['MEDIA', 'android', 'light'],
  ['LIST', 'ios', 'light'],
  ['TERMS', 'web', 'dark'],
];

describe('preview looks match the references', () => {
  it.each(CASES)('%s in %s %s', async (screen, look, theme) => {
    const actual = await shoot(screen, look, theme);
    const file = new URL(`${screen.toLowerCase()}-${look}-${theme}.png`, REFERENCES);
    if (UPDATE) {
      await mkdir(REFERENCES, { recursive: true });
      await writeFile(file, actual);
      return;
    }
    const expected = await readFile(file).catch(() => undefined);
    if (!expected) throw new Error(`No reference ${file.pathname}: run npm run test:update-screenshots and commit it.`);
    const share = await difference(actual, expected);
    expect(share, `${(share * 100).toFixed(2)}% of the pixels differ from ${file.pathname} (update with npm run test:update-screenshots)`).toBeLessThanOrEqual(MAX_DIFFERENT);
  });

  it('notices a change: another theme differs from the reference', async () => {
    if (UPDATE) return;
    const share = await difference(await shoot('FORM', 'android', 'dark'), await readFile(new URL('form-android-light.png', REFERENCES)));
    expect(share).toBeGreaterThan(MAX_DIFFERENT);
  });
});
