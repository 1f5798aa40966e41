/**
 * The previewer in a real browser (the system's Chromium through playwright-core): typing, choosing, the Footer,
 * BACK, what is visible (If, errors), completion and its payload, keyboard access and the diagnostics panel, on
 * the project's flows and Meta's published examples (test/fixtures/flow-json/meta-doc-examples, with their licences).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestChromium } from '../helpers/chromium.js';
import { testPreviews, type TestPreviews } from '../helpers/preview-server.js';

const fixture = (path: string) => readFile(new URL(`../fixtures/flow-json/${path}`, import.meta.url), 'utf8');

let browser: Browser;
let previews: TestPreviews;
beforeAll(async () => {
  [browser, previews] = await Promise.all([launchTestChromium(), testPreviews()]);
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await previews?.close();
});

async function open(flowJson: string, options: Record<string, unknown> = {}, query = '?watch=0'): Promise<Page> {
  const url = await previews.start({ flowJson, ...options });
  const page = await browser.newPage();
  page.setDefaultTimeout(5000);
  await page.goto(`${url}${query}`);
  await page.evaluate(() => (window as unknown as { metaPreview: { ready: Promise<void> } }).metaPreview.ready);
  return page;
}

const title = (page: Page) => page.locator('#screen-title');
const phone = (page: Page) => page.locator('#phone');
const completion = async (page: Page) => JSON.parse((await page.locator('#completion-response').textContent())!) as Record<string, unknown>;

describe('preview page in Chromium', () => {
  it('walks a two-screen flow: required error, navigate, BACK keeps the value, complete with the payload', async () => {
    const page = await open(await fixture('valid/7.3-two-screen-name.json'), { flowToken: 'order-7' });
    await expect(title(page).textContent()).resolves.toBe('Your name');
    await phone(page).getByRole('button', { name: 'Next' }).click();
    await expect(phone(page).getByRole('alert').first().textContent()).resolves.toMatch(/required/i);

    await phone(page).getByLabel('First name').fill('Ana Lima');
    await phone(page).getByRole('button', { name: 'Next' }).click();
    await phone(page).getByText('Ana Lima').waitFor();
    await expect(title(page).textContent()).resolves.toBe('Confirm');

    await phone(page).getByRole('button', { name: 'Back' }).click();
    await expect(title(page).textContent()).resolves.toBe('Your name');
    await expect(phone(page).getByLabel('First name').inputValue()).resolves.toBe('Ana Lima');
    await phone(page).getByRole('button', { name: 'Next' }).click();
    await phone(page).getByRole('button', { name: 'Send' }).click();
    await phone(page).getByRole('heading', { name: 'Sent' }).waitFor();
    expect(await completion(page)).toEqual({ flow_token: 'order-7', first_name: 'Ana Lima' });
    await page.close();
  });

  it("shows If branches as the form changes (Meta's If example, 4.0) and completes", async () => {
    const page = await open(await fixture('meta-doc-examples/4.0/if.json'));
    await phone(page).getByText('It is not a cat').waitFor();
    await expect(phone(page).getByText('Type: cat').isVisible()).resolves.toBe(true); // helper text
    await phone(page).getByLabel('Animal').fill('cat');
    await page.keyboard.press('Tab');
    await phone(page).getByText('It is a cat', { exact: true }).waitFor();
    await expect(phone(page).getByText('It is not a cat').count()).resolves.toBe(0);
    await phone(page).getByRole('button', { name: 'Complete' }).click();
    await phone(page).getByRole('heading', { name: 'Sent' }).waitFor();
    expect(await completion(page)).toEqual({ flow_token: 'unused' });
    await page.close();
  });

  it("chooses chips with the keyboard (Meta's ChipsSelector example, 6.3) and refuses a third one", async () => {
    const page = await open(await fixture('meta-doc-examples/6.3/chips_selector.json'));
    await phone(page).getByLabel('💡 Lighting').focus();
    await page.keyboard.press('Space');
    await phone(page).getByText('🛠️ Renovation').click();
    await expect(phone(page).getByLabel('💡 Lighting').isChecked()).resolves.toBe(true);
    await phone(page).getByText('🏡 Room layouts').click();
    await phone(page).getByRole('alert').waitFor();
    await expect(phone(page).getByLabel('🏡 Room layouts').isChecked()).resolves.toBe(false);
    await phone(page).getByRole('button', { name: 'Continue' }).click();
    await phone(page).getByRole('heading', { name: 'Sent' }).waitFor();
    await page.close();
  });

  it("opens an OptIn's Read more screen and comes back (Meta's register example, 2.1)", async () => {
    const page = await open(await fixture('meta-doc-examples/2.1/register.json'));
    await expect(title(page).textContent()).resolves.toBe('Register for an account');
    await phone(page).getByLabel('I agree with the terms.').check();
    await phone(page).getByRole('button', { name: 'Read more' }).click();
    await expect(title(page).textContent()).resolves.toBe('Terms and conditions');
    await phone(page).getByRole('heading', { name: 'Our Terms' }).waitFor();
    await phone(page).getByRole('button', { name: 'Back' }).click();
    await expect(phone(page).getByLabel('I agree with the terms.').isChecked()).resolves.toBe(true);
    await page.close();
  });

  it('lists the diagnostics of a flow with an error and highlights its line on click', async () => {
    const flow = JSON.parse(await fixture('valid/7.3-two-screen-name.json')) as { screens: Array<{ layout: { children: Array<Record<string, unknown>> } }> };
    flow.screens[0]!.layout.children[0]!.type = 'TextInputt';
    const page = await open(JSON.stringify(flow, null, 2));
    await expect(page.locator('.diag-summary').textContent()).resolves.toMatch(/^[1-9]\d* errors?, /);
    const first = page.locator('.diag-error .diag-button').first();
    const where = (await first.locator('.diag-where').textContent())!;
    await first.click();
    await expect(page.locator('.src-line.hl').getAttribute('id')).resolves.toBe(`src-line-${where.split(':')[0]}`);
    await page.close();
  });

  it('switches looks and themes from the toolbar', async () => {
    const page = await open(await fixture('valid/7.3-two-screen-name.json'));
    await page.locator('#look').selectOption('ios');
    await page.getByLabel('Dark').check();
    await expect(page.locator('#phone').getAttribute('class')).resolves.toBe('phone look-ios theme-dark');
    await page.close();
  });

  it('opens the screen and data the message gives (--screen, --data)', async () => {
    const page = await open(await fixture('valid/7.3-two-screen-name.json'), { screen: 'CONFIRM', data: { first_name: 'Zoe' } });
    await expect(title(page).textContent()).resolves.toBe('Confirm');
    await phone(page).getByText('Zoe').waitFor();
    await page.close();
  });

  it('reloads the flow when the file changes, staying on the current screen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'preview-reload-'));
    const file = join(dir, 'name.flow.json');
    const text = await fixture('valid/7.3-two-screen-name.json');
    await writeFile(file, text);
    try {
      const page = await open(text, { flowFile: file }, '');
      await phone(page).getByLabel('First name').fill('Ana');
      await phone(page).getByRole('button', { name: 'Next' }).click();
      await expect(title(page).textContent()).resolves.toBe('Confirm');
      await writeFile(file, text.replace('"Confirm"', '"Check your name"'));
      await page.locator('#screen-title', { hasText: 'Check your name' }).waitFor();
      await phone(page).getByText('Ana', { exact: true }).waitFor();
      await page.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes real files in PhotoPicker and DocumentPicker and lists them', async () => {
    const page = await open(await readFile(new URL('../fixtures/preview/components.flow.json', import.meta.url), 'utf8'), { screen: 'MEDIA' });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await phone(page).getByLabel('Photos of the event').setInputFiles([{ name: 'party.png', mimeType: 'image/png', buffer: png }]);
    await phone(page).getByLabel('Documents').setInputFiles([{ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') }]);
    await phone(page).getByRole('list', { name: 'Chosen files' }).getByText('receipt.pdf').waitFor();
    await expect(phone(page).getByRole('list', { name: 'Chosen files' }).first().getByText('party.png').isVisible()).resolves.toBe(true);
    await expect(phone(page).locator('img.c-thumb').count()).resolves.toBe(1);
    await page.close();
  });

  it('fills every kind of input of the components flow, opens a URL, and completes from a NavigationList item', async () => {
    const page = await open(await readFile(new URL('../fixtures/preview/components.flow.json', import.meta.url), 'utf8'));
    const screen = phone(page);
    await screen.getByRole('button', { name: 'Opening hours' }).click();
    await screen.getByText('Opens https://example.com/hours in the browser').waitFor();
    await screen.getByLabel('Your name').fill('Ana');
    await screen.getByLabel('Notes').fill('Near the window');
    await screen.getByLabel('Time').selectOption('20:00');
    await screen.getByLabel('Terrace').check();
    await screen.getByText('Quiet').click();
    await screen.getByLabel(/^Day/).fill('2030-05-17');
    await screen.getByLabel('Send me offers').check();
    await screen.getByRole('button', { name: 'Continue' }).click();
    await expect(title(page).textContent()).resolves.toBe('Photos');
    await screen.getByLabel('Gluten').check();
    await screen.getByLabel('Check-in').fill('2030-05-17');
    await screen.getByLabel('Check-out').fill('2030-05-19');
    await screen.getByRole('button', { name: 'Next' }).click();
    await expect(title(page).textContent()).resolves.toBe('Menu');
    await screen.getByRole('button', { name: /Mains/ }).click();
    await screen.getByRole('heading', { name: 'Sent' }).waitFor();
    expect(await completion(page)).toEqual({ flow_token: 'unused', section: 'mains' });
    await page.close();
  });
});
