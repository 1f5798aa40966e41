/**
 * `preview --screenshot DIR`: opens the preview page in headless Chromium with the phone alone, walks the flow
 * (the given answers, else generated ones, as `simulate` does) and writes one PNG per screen shown, then one of
 * the completion: `01-WELCOME.png`, `02-DETAILS.png`, ..., `NN-completed.png`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FlowAnswers } from '../simulator/types.js';
import { launchChromium } from './chromium.js';

export interface ScreenshotOptions {
  /** The running preview's URL. */
  url: string;
  outDir: string;
  chromium: string;
  look?: 'android' | 'ios' | 'web';
  theme?: 'light' | 'dark';
  answers?: FlowAnswers;
  /** Screens at most (default 50). */
  maxScreens?: number;
}

interface WalkerHandle {
  state(): { screen: string | undefined; completed: boolean; notice: string | undefined };
  fill(answers?: FlowAnswers): Promise<void>;
  advance(answers?: FlowAnswers): Promise<void>;
}
type PreviewWindow = { metaPreview: { ready: Promise<void>; walker: WalkerHandle } };

/** Writes the PNGs; returns their paths. Throws when the flow stops (an error shown) before completing. */
export async function screenshotFlow(options: ScreenshotOptions): Promise<string[]> {
  await mkdir(options.outDir, { recursive: true });
  const browser = await launchChromium(options.chromium);
  const written: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 480, height: 780 }, deviceScaleFactor: 1 });
    const query = new URLSearchParams({ look: options.look ?? 'android', theme: options.theme ?? 'light', panel: '0', watch: '0' });
    await page.goto(`${options.url}/?${query}`);
    await page.evaluate(() => (window as unknown as PreviewWindow).metaPreview.ready);
    const answers = options.answers ?? {};
    let repeats = 0;
    for (let n = 1; n <= (options.maxScreens ?? 50); n++) {
      const state = await page.evaluate(() => (window as unknown as PreviewWindow).metaPreview.walker.state());
      if (state.completed || state.screen === undefined) {
        written.push(await shoot(page, options.outDir, n, 'completed'));
        if (!state.completed) throw new Error(`The flow stopped before completing${state.notice ? `: ${state.notice}` : ''}.`);
        return written;
      }
      await page.evaluate((a) => (window as unknown as PreviewWindow).metaPreview.walker.fill(a), answers);
      written.push(await shoot(page, options.outDir, n, state.screen));
      await page.evaluate((a) => (window as unknown as PreviewWindow).metaPreview.walker.advance(a), answers);
      const after = await page.evaluate(() => (window as unknown as PreviewWindow).metaPreview.walker.state());
      if (after.notice !== undefined && !after.completed) throw new Error(`The flow stopped on ${state.screen}: ${after.notice}`);
      repeats = after.screen === state.screen && !after.completed ? repeats + 1 : 0;
      if (repeats >= 3) throw new Error(`Stuck on screen ${state.screen}: its answers are refused (give them with --answers).`);
    }
    throw new Error(`The flow did not complete within ${options.maxScreens ?? 50} screens.`);
  } finally {
    await browser.close();
  }
}

async function shoot(page: import('playwright-core').Page, dir: string, n: number, name: string): Promise<string> {
  const path = join(dir, `${String(n).padStart(2, '0')}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}.png`);
  await page.locator('#phone').screenshot({ path, animations: 'disabled' });
  return path;
}
