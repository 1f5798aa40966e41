/**
 * The one Chromium launch of the browser tests: the system's /usr/bin/chromium (scripts/system-deps.sh installs it)
 * through playwright-core, with the previewer's own flags (src/preview/chromium.ts). One browser per test file;
 * each test opens its own page.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/preview/chromium.js';

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export function launchTestChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
