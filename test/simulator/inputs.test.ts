/** Scripted sessions on corpus flows: the client's input checks, back, links and lists, run(answers), flow problems. */
import { describe, expect, it } from 'vitest';
import { FlowSimulator, SimulatorError, SimulatorFlowError } from '../../src/simulator/index.js';
import { flowFixture, inputError } from './helpers.js';

describe('input checks', () => {
  it('required fields are reported together on submit, naming field and rule', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/3.0-sign-up.json') });
    await sim.open();
    const error = await inputError(sim.submit());
    expect(error.screen).toBe('SIGN_UP');
    expect(error.failures.map((f) => `${f.field}:${f.rule}`)).toEqual([
      'first_name:required',
      'last_name:required',
      'email:required',
      'password:required',
      'confirm_password:required',
      'terms_agreement:required',
    ]);
    expect(error.message).toMatch(/^Screen SIGN_UP: TextInput 'first_name': is required \(required\)/);
  });

  it('TextInput input-type, min/max chars and pattern', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/3.0-sign-up.json') });
    await sim.open();
    expect((await inputError(() => sim.fill({ email: 'not-an-email' }))).rule).toBe('input-type');
    expect((await inputError(() => sim.fill({ phone: 'call me' }))).rule).toBe('input-type');
    expect((await inputError(() => sim.fill({ password: 'short' }))).rule).toBe('min-chars');
    expect((await inputError(() => sim.fill({ password: 'x'.repeat(33) }))).rule).toBe('max-chars');
    expect((await inputError(() => sim.fill({ first_name: 'x'.repeat(81) }))).message).toMatch(/at most 80/);
    expect((await inputError(() => sim.fill({ first_name: 42 }))).rule).toBe('value-type');
    expect((await inputError(() => sim.fill({ terms_agreement: 'yes' }))).rule).toBe('value-type');
    sim.fill({ email: 'ana@example.com', phone: '+351 912 345 678' });

    const regex = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/6.2/regex.json') });
    await regex.open();
    const bad = await inputError(() => regex.fill({ 'regex input': '1993-13-04' }));
    expect(bad.rule).toBe('pattern');
    expect(bad.message).toContain('does not match the pattern');
    regex.fill({ 'regex input': '1993-08-04', passcode_oo7: '10071' });
    expect((await inputError(() => regex.fill({ passcode_oo7: 'a007' }))).rule).toBe('input-type');
    expect((await inputError(() => regex.fill({ passcode_oo7: '1234' }))).rule).toBe('pattern');
  });

  it('selections: data-source ids, max and min selected items', async () => {
    const chips = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/6.3/chips_selector.json') });
    await chips.open();
    expect((await inputError(() => chips.fill({ chips: ['lighting', 'nope'] }))).rule).toBe('data-source');
    expect((await inputError(() => chips.fill({ chips: ['lighting', 'renovation', 'furnitures'] }))).rule).toBe('max-selected-items');
    expect((await inputError(() => chips.fill({ chips: 'lighting' }))).rule).toBe('value-type');
    const signUp = new FlowSimulator({ flowJson: flowFixture('valid/7.3-sign-up-nested-expressions.json') });
    await signUp.open({ screen: 'PREFERENCES' });
    signUp.fill({ genres: ['drama'], audio_language: 'en', newsletter: 'weekly' });
    expect((await inputError(signUp.submit())).failures.map((f) => f.rule)).toEqual(['min-selected-items']);
  });

  it('dates: format, min/max, unavailable dates, include-days, range days', async () => {
    const hotel = new FlowSimulator({ flowJson: flowFixture('valid/6.1-hotel-booking-calendar.json') });
    await hotel.open();
    const range = (start: string, end: string) => ({ stay: { 'start-date': start, 'end-date': end } });
    expect((await inputError(() => hotel.fill(range('2025-05-01', '2025-05-02')))).rule).toBe('min-days');
    expect((await inputError(() => hotel.fill(range('2025-05-01', '2025-06-01')))).rule).toBe('max-days');
    expect((await inputError(() => hotel.fill(range('2025-06-22', '2025-06-24')))).rule).toBe('unavailable-dates');
    expect((await inputError(() => hotel.fill(range('2025-02-20', '2025-03-02')))).rule).toBe('min-date');
    expect((await inputError(() => hotel.fill(range('05/01/2025', '2025-05-04')))).rule).toBe('date-format');
    hotel.fill(range('2025-05-01', '2025-05-04'));
    const install = new FlowSimulator({ flowJson: flowFixture('valid/7.3-internet-installation-update-data.json') });
    await install.open({ screen: 'INSTALLATION_DATE' });
    expect((await inputError(() => install.fill({ install_date: '2025-09-21' }))).rule).toBe('include-days');
    expect((await inputError(() => install.fill({ install_date: '2025-02-30' }))).rule).toBe('date-format');
    install.fill({ install_date: '2025-09-20' });
  });

  it('PhotoPicker files: count limits, and the completion carries WhatsApp media items', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/7.2-support-ticket-photo-upload.json'), flowToken: 't' });
    await sim.runAuto({ answers: {}, today: '2025-06-02', maxSteps: 1 }).catch(() => undefined);
    expect(sim.screen).toBe('PHOTO_EVIDENCE');
    expect((await inputError(sim.submit())).rule).toBe('required');
    expect((await inputError(() => sim.fill({ evidence_photo: ['a.jpg', 'b.jpg'] }))).rule).toBe('max-uploaded');
    sim.fill({ evidence_photo: [{ file_name: 'damage.jpg', size: 50_000 }] });
    expect(sim.form.evidence_photo).toEqual([{ file_name: 'damage.jpg', mime_type: 'image/jpeg', size: 50_000 }]);
    await sim.submit();
    const [photo] = sim.completion!.response.evidence_photo as Array<Record<string, unknown>>;
    expect(Object.keys(photo!).sort()).toEqual(['file_name', 'id', 'mime_type', 'sha256']);
    expect(photo).toMatchObject({ file_name: 'damage.jpg', mime_type: 'image/jpeg' });
  });
});

describe('back, links and lists', () => {
  it('back restores the previous screen with what was entered; back on the first screen is refused', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/3.0-sign-up.json') });
    await sim.open();
    await expect(sim.back()).rejects.toThrow(/first screen/);
    sim.fill({ first_name: 'Ana', email: 'ana@example.com' });
    await sim.click('terms_agreement');
    expect(sim.screen).toBe('TERMS_AND_CONDITIONS');
    await sim.back();
    expect(sim.screen).toBe('SIGN_UP');
    expect(sim.form).toEqual({ first_name: 'Ana', email: 'ana@example.com' });
  });

  it('open_url links are recorded; NavigationList items navigate with their payloads', async () => {
    const links = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/6.0/open_url.json') });
    await links.open();
    await links.click('This is an external link.');
    await links.click('T&Cs');
    expect(links.openedUrls).toEqual(['https://pywa.readthedocs.io/', 'https://pywa.readthedocs.io/']);
    expect(links.screen).toBe('DEMO_SCREEN');
    await expect(links.click('missing')).rejects.toBeInstanceOf(SimulatorError);

    const shop = new FlowSimulator({ flowJson: flowFixture('valid/6.2-phone-shop-navigation-list.json') });
    await shop.open();
    await shop.click('phones', 'nova_x');
    expect(shop.screen).toBe('PRODUCT_OPTIONS');
    expect(shop.data).toMatchObject({ product_id: 'nova_x', unit_price: 949 });
    await shop.back();
    await shop.click('Lumen A3');
    expect(shop.data).toMatchObject({ product_id: 'lumen_a3' });
  });
});

describe('run with scripted answers', () => {
  it('fills and submits screen after screen; NavigationList answers pick an item', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/6.2-phone-shop-navigation-list.json'), flowToken: 'shop-1' });
    const completion = await sim.run({
      CATALOGUE: { phones: 'rugged_r2' },
      PRODUCT_OPTIONS: { colour: 'green', quantity: '2', postcode: '1000-001' },
      CHECKOUT: { full_name: 'Ana Lima', email: 'ana@example.com', payment_method: 'card' },
    });
    expect(completion.response).toEqual({
      flow_token: 'shop-1',
      product_id: 'rugged_r2',
      unit_price: 449,
      colour: 'green',
      quantity: 2,
      postcode: '1000-001',
      full_name: 'Ana Lima',
      email: 'ana@example.com',
      payment_method: 'card',
    });
  });

  it('throws with the screen and the reason when an answer is missing or wrong', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/6.2-phone-shop-navigation-list.json') });
    const error = await inputError(sim.run({ CATALOGUE: { phones: 'pixelite_8' }, PRODUCT_OPTIONS: { colour: 'green', quantity: '1' } }));
    expect(error.screen).toBe('PRODUCT_OPTIONS');
    expect(error.failures).toEqual([expect.objectContaining({ field: 'postcode', rule: 'required' })]);
    const stuck = new FlowSimulator({ flowJson: flowFixture('valid/6.2-phone-shop-navigation-list.json') });
    await expect(stuck.run({})).rejects.toThrow(/continues by its NavigationList 'phones'/);
  });
});

describe('flow problems', () => {
  it('refuses a Flow JSON Meta would reject (unless validate: false) and text that is not JSON', () => {
    const broken = { version: '7.3', screens: [{ id: 'A', layout: { type: 'SingleColumnLayout', children: [] } }] };
    expect(() => new FlowSimulator({ flowJson: broken })).toThrow(SimulatorFlowError);
    expect(() => new FlowSimulator({ flowJson: broken, validate: false })).not.toThrow();
    expect(() => new FlowSimulator({ flowJson: '{"version": ' })).toThrow(/not JSON/);
  });

  it('a data_exchange without an endpoint says what is missing', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/4.0-sign-in-endpoint.json') });
    await sim.open();
    sim.fill({ email: 'ana@example.com', password: 'secret' });
    await expect(sim.submit()).rejects.toThrow(/needs the data endpoint: pass \{ endpoint, publicKey \}/);
  });
});
