/** Scripted sessions on corpus flows: navigate payloads, ${data}/${form}/global refs, If/Switch/visible, nested expressions, update_data. */
import { describe, expect, it } from 'vitest';
import { FlowSimulator } from '../../src/simulator/index.js';
import { flowFixture, inputError, texts } from './helpers.js';

describe('navigate payloads, ${data} and ${form}', () => {
  it("walks the reference's two-screen flow: the payload becomes the next screen's data", async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/7.3-two-screen-name.json'), flowToken: 'order-1' });
    await sim.open();
    expect(sim.screen).toBe('ASK');
    expect(sim.title).toBe('Your name');
    sim.fill({ first_name: 'Ana' });
    expect(sim.form).toEqual({ first_name: 'Ana' });
    await sim.submit();
    expect(sim.screen).toBe('CONFIRM');
    expect(sim.data).toEqual({ first_name: 'Ana' });
    expect(texts(sim.components)).toEqual(['Ana']);
    expect(sim.stack).toEqual(['ASK']);
    await sim.submit();
    expect(sim.completed).toBe(true);
    expect(sim.screen).toBeUndefined();
    expect(sim.completion).toEqual({
      name: 'flow',
      body: 'Sent',
      response_json: '{"flow_token":"order-1","first_name":"Ana"}',
      flow_token: 'order-1',
      response: { flow_token: 'order-1', first_name: 'Ana' },
      source: 'complete',
      screen: 'CONFIRM',
    });
    await expect(sim.submit()).rejects.toThrow(/completed/);
  });

  it('opens on a given screen with the message data; undeclared fields are kept, missing ones take __example__', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/7.3-two-screen-name.json') });
    await sim.open({ screen: 'CONFIRM', data: { first_name: 'Bea' } });
    expect(texts(sim.components)).toEqual(['Bea']);
    const other = new FlowSimulator({ flowJson: flowFixture('valid/7.3-two-screen-name.json') });
    await other.open({ screen: 'CONFIRM' });
    expect(other.data).toEqual({ first_name: 'Ana' });
    await expect(new FlowSimulator({ flowJson: flowFixture('valid/7.3-two-screen-name.json') }).open({ screen: 'NOPE' })).rejects.toThrow(/NOPE is not in the Flow JSON/);
  });

  it('global references read other screens: form values and data (4.0 global_fields)', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/4.0/global_fields.json'), flowToken: 't' });
    await sim.open({ data: { field2: 'from the message' } });
    sim.fill({ field1: 'Ana' });
    await sim.submit();
    await sim.submit();
    expect(sim.completion?.response).toEqual({ flow_token: 't', field1: 'Ana', field2: 'from the message' });
  });

  it('a number input gives a number to expressions and payloads (sign-up with nested expressions)', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/7.3-sign-up-nested-expressions.json') });
    await sim.open();
    sim.fill({ first_name: 'Tomás', last_name: 'García', email: 'tomas@example.com', age: '12', password: 'long enough', confirm_password: 'long enough' });
    expect(texts(sim.components)).toContain('You must be 13 or older to create an account.');
    const disabled = await inputError(sim.submit());
    expect(disabled.rule).toBe('footer-disabled');
    sim.fill({ age: 30 });
    expect(sim.form.age).toBe(30);
    expect(texts(sim.components)).not.toContain('You must be 13 or older to create an account.');
    sim.fill({ confirm_password: 'different!' });
    expect(texts(sim.components)).toContain('The passwords do not match.');
    expect((await inputError(sim.submit())).rule).toBe('footer-disabled');
    sim.fill({ confirm_password: 'long enough' });
    await sim.submit();
    expect(sim.screen).toBe('PREFERENCES');
    expect(texts(sim.components)[0]).toBe('Welcome, Tomás!');
    await sim.select('genres', 'drama');
    await sim.select('genres', 'comedy');
    sim.fill({ audio_language: 'en', newsletter: 'never' });
    await sim.submit();
    expect(sim.completion?.response).toMatchObject({ display_name: 'Tomás García', age: 30, genres: ['drama', 'comedy'], email: 'tomas@example.com' });
    expect(sim.completion?.response).not.toHaveProperty('phone');
  });
});

describe('If, Switch and visible', () => {
  it('If picks a branch from data and form (4.0 if)', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/4.0/if.json') });
    await sim.open();
    expect(texts(sim.components)).toEqual(['It is not a cat']);
    sim.fill({ animal: 'cat' });
    expect(texts(sim.components)).toEqual(['It is a cat']);
    const off = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/4.0/if.json') });
    await off.open({ data: { value: false } });
    off.fill({ animal: 'cat' });
    expect(texts(off.components)).toEqual(['It is not a cat']);
  });

  it('Switch shows the matching case, else its default case (4.0 switch)', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/4.0/switch.json') });
    await sim.open();
    expect(texts(sim.components)).toEqual(['It is neither a cat nor a dog']);
    sim.fill({ animal: 'dog' });
    expect(texts(sim.components)).toEqual(['It is a dog']);
    expect(sim.components.find((c) => c.type === 'TextHeading')?.pointer).toBe('/screens/0/layout/children/1/cases/dog/0');
  });

  it('inputs inside a Switch case appear with it; hidden inputs cannot be filled and are not required (4.0 delivery)', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/4.0-delivery-options-if-switch.json'), flowToken: 't' });
    await sim.open();
    expect((await inputError(() => sim.fill({ pickup_store: 'porto_baixa' }))).rule).toBe('not-visible');
    expect((await inputError(() => sim.fill({ nope: 'x' }))).rule).toBe('unknown-field');
    sim.fill({ delivery_method: 'store_pickup', pickup_store: 'porto_baixa' });
    await sim.submit();
    expect(texts(sim.components)).toContain('Bring your order number and a photo ID to the store counter.');
    await sim.submit();
    expect(sim.completion?.response).toEqual({ flow_token: 't', delivery_method: 'store_pickup', pickup_store: 'porto_baixa' });
  });

  it('forward references: an EmbeddedLink navigates, back returns, the If/Switch reads the other screen (4.0 forward_refs)', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/4.0/forward_refs.json'), flowToken: 't' });
    await sim.open();
    expect(sim.screen).toBe('SELECT_SERVICES');
    expect(texts(sim.components)).toEqual(['Select insurance type', "You haven't selected any insurance type"]);
    await sim.click('Choose insurance type');
    expect(sim.screen).toBe('SELECT_INSURANCE');
    await sim.select('insurance', 'standard');
    await expect(sim.submit()).rejects.toThrow(/no Footer/);
    await sim.back();
    expect(sim.screen).toBe('SELECT_SERVICES');
    expect(texts(sim.components)).toEqual(['Select insurance type', "You've selected a standard insurance"]);
    await sim.submit();
    expect(sim.completion?.response).toEqual({ flow_token: 't', selected_insurance_type: 'standard' });
  });

  it('a visible expression on a number input (6.0 visible_condition)', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/6.0/visible_condition.json') });
    await sim.open();
    expect(texts(sim.components)).toEqual([]);
    sim.fill({ number: '42' });
    expect(texts(sim.components)).toEqual(['You choose the right number!']);
  });
});

describe('nested expressions', () => {
  it('arithmetic and concatenation (6.0 math_operators, string_concatenation)', async () => {
    const math = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/6.0/math_operators.json') });
    await math.open();
    expect(math.components[0]!.props.text).toEqual([
      'The sum of 10 and 20 is 30',
      'The difference of 10 and 20 is -10',
      'The product of 10 and 20 is 200',
      'The division of 10 by 20 is 0.5',
    ]);
    const concat = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/6.0/string_concatenation.json') });
    await concat.open();
    expect(texts(concat.components)).toEqual(['Hello ', ' you are  years old.']);
    concat.fill({ first_name: 'Ana', age: '31' });
    expect(texts(concat.components)).toEqual(['Hello Ana', 'Ana you are 31 years old.']);
  });

  it('comparisons and booleans in visible, concatenation in a heading (6.0 survey)', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/6.0-customer-satisfaction-survey.json') });
    await sim.open({ data: { order_id: 'ORD-48213', store_name: 'Green Bowl', delivery_minutes: 20, promised_minutes: 35, show_issue_details: false } });
    expect(texts(sim.components)[0]).toBe('How was order ORD-48213?');
    expect(texts(sim.components)).toHaveLength(2);
    const late = new FlowSimulator({ flowJson: flowFixture('valid/6.0-customer-satisfaction-survey.json') });
    await late.open();
    expect(texts(late.components)).toHaveLength(3);
  });
});

describe('update_data', () => {
  it('item select/unselect actions update the screen data and visibility (6.0 update_data)', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/6.0/update_data.json') });
    await sim.open();
    const visible = () => sim.components.map((c) => c.name).filter(Boolean);
    expect(visible()).toEqual(['select_country']);
    await sim.select('select_country', '1');
    expect(visible()).toEqual(['select_country', 'select_states']);
    expect(sim.components[1]!.props['data-source']).toMatchObject([{ id: 'new_york' }, { id: 'california' }]);
    await sim.select('select_states', 'new_york');
    expect(visible()).toEqual(['select_country', 'select_states', 'pincode']);
    sim.fill({ pincode: '10005' });
    // Canada: USA's on-unselect hides states and pincodes, Canada's on-select shows its states. The state picked
    // is no longer an item and is dropped; the hidden pincode keeps its value.
    sim.fill({ select_country: '2' });
    expect(visible()).toEqual(['select_country', 'select_states']);
    expect(sim.components[1]!.props['data-source']).toMatchObject([{ id: 'ontario' }, { id: 'quebec' }]);
    expect(sim.form).toEqual({ select_country: '2', pincode: '10005' });
    expect(sim.data.pincode_visibility).toBe(false);
  });

  it('checkbox item on-unselect-action; component-level select/unselect on ChipsSelector', async () => {
    const survey = new FlowSimulator({ flowJson: flowFixture('valid/6.0-customer-satisfaction-survey.json') });
    await survey.open();
    survey.fill({ overall_rating: '2' });
    expect(survey.components.some((c) => c.name === 'issues')).toBe(true);
    survey.fill({ overall_rating: '5' });
    expect(survey.components.some((c) => c.name === 'issues')).toBe(false);
    await survey.submit();
    await survey.select('contact_channels', 'phone_call');
    expect(survey.components.some((c) => c.name === 'phone')).toBe(true);
    await survey.unselect('contact_channels', 'phone_call');
    expect(survey.components.some((c) => c.name === 'phone')).toBe(false);

    const install = new FlowSimulator({ flowJson: flowFixture('valid/7.3-internet-installation-update-data.json') });
    await install.open();
    const note = () => install.components.some((c) => c.type === 'TextCaption');
    expect(note()).toBe(false);
    await install.select('extras', 'tv_box');
    expect(note()).toBe(true);
    await install.unselect('extras', 'tv_box');
    expect(note()).toBe(false);
    install.fill({ region: 'centro' });
    expect(install.components.find((c) => c.name === 'city')?.props['data-source']).toMatchObject([{ id: 'coimbra' }, { id: 'aveiro' }, { id: 'leiria' }]);
  });
});

describe('open({ data })', () => {
  it('uses the given data as the client does, without padding it with __example__ values', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/6.0-customer-satisfaction-survey.json') });
    await sim.open({ data: { delivery_minutes: 20 } });
    expect(sim.data).toEqual({ delivery_minutes: 20 });
    const walk = new FlowSimulator({ flowJson: flowFixture('valid/6.0-customer-satisfaction-survey.json') });
    await walk.open();
    expect(walk.data).toMatchObject({ order_id: 'ORD-48213' });
  });
});
