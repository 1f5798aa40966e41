/**
 * The system's Chromium for `preview --screenshot` (and the browser tests, test/helpers/chromium.ts): found at
 * `--chromium PATH`, `CHROME_PATH`, or the usual install paths, and launched through playwright-core headless
 * with the flags below (no browser is ever downloaded).
 */
import { access, constants } from 'node:fs/promises';

/** Headless, no sandbox (containers run as root), and nothing that talks to the network on its own. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] as const;

const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

export const NO_CHROMIUM = 'No Chromium found. Install one (Debian/Ubuntu: apt-get install chromium; macOS: install Google Chrome), then pass --chromium PATH or set CHROME_PATH.';

/** The Chromium to use: the given path (which must exist), else CHROME_PATH, else the first known path that exists. */
export async function findChromium(given?: string, env: Record<string, string | undefined> = process.env): Promise<string> {
  const explicit = given ?? env.CHROME_PATH;
  if (explicit !== undefined && explicit !== '') {
    if (await executable(explicit)) return explicit;
    throw new Error(`Chromium not found at ${explicit} (${given !== undefined ? '--chromium' : 'CHROME_PATH'}). ${NO_CHROMIUM}`);
  }
  for (const path of KNOWN_PATHS) if (await executable(path)) return path;
  throw new Error(NO_CHROMIUM);
}

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Launches Chromium headless with playwright-core (an optional dependency of the previewer). */
export async function launchChromium(executablePath: string): Promise<import('playwright-core').Browser> {
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new Error('--screenshot drives Chromium with playwright-core: npm install -D playwright-core (it downloads no browser).');
  }
  return playwright.chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}
