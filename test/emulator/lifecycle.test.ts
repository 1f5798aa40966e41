/**
 * The operation matrix of flows-platform §1.5 (new behaviour), through the real SDK client against the emulator.
 * THROTTLED and BLOCKED are set by Meta itself; the tests force them with `POST /_emulator/flows/{id}/status`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIFECYCLE_CASES, type LifecycleCaseOperation } from '../platform/lifecycle-cases.js';
import { expectGraphError, flowIn, simpleFlowJson, startEmulator, uniqueName, type Harness } from './helpers/emulator.js';

const TO = '15551234567';

let h: Harness;
beforeAll(async () => {
  h = await startEmulator();
});
afterAll(async () => {
  await h.close();
});

async function statusOf(id: string): Promise<string | undefined> {
  return (await h.client.flows.getFlow(id, { fields: 'status' })).status;
}

/** The flow part of the last message the emulator recorded. */
async function lastSent(): Promise<{ id: string; mode: string; jsonVersion?: string; token: string }> {
  const res = await h.raw('/_emulator/messages');
  const messages = res.body.data as Array<{ flow?: { id: string; mode: string; jsonVersion?: string; token: string } }>;
  const flow = messages.at(-1)?.flow;
  expect(flow).toBeDefined();
  return flow!;
}

function send(flowId: string, mode: 'draft' | 'published', extra: { screen?: string; maxRetries?: number } = {}) {
  return h.client.messages.flow(
    { to: TO, flowId, cta: 'Open', body: 'Please fill this in', mode, token: `tok-${mode}`, ...(extra.screen ? { screen: extra.screen } : {}) },
    { maxRetries: extra.maxRetries ?? 0 },
  );
}

describe('update metadata', () => {
  it('DRAFT: updated, stays DRAFT', async () => {
    const id = await flowIn(h, 'DRAFT');
    const name = uniqueName('renamed');
    await expect(h.client.flows.updateFlowMetadata(id, { name, categories: ['SURVEY'] })).resolves.toEqual({ success: true });
    const flow = await h.client.flows.getFlow(id, { fields: 'name,status,categories' });
    expect(flow).toMatchObject({ id, name, status: 'DRAFT', categories: ['SURVEY'] });
  });

  it('PUBLISHED: updated and back to DRAFT; mode "published" still sends the published version', async () => {
    const id = await flowIn(h, 'PUBLISHED', simpleFlowJson('7.3'));
    await h.client.flows.updateFlowMetadata(id, { categories: ['CONTACT_US'] });
    expect(await statusOf(id)).toBe('DRAFT');
    await send(id, 'published');
    expect(await lastSent()).toMatchObject({ id, mode: 'published', jsonVersion: '7.3' });
  });

  it.each(['THROTTLED', 'BLOCKED'] as const)('%s: refused with 139001 (the reference leaves this open; the emulator refuses)', async (status) => {
    const id = await flowIn(h, status);
    await expectGraphError(h.client.flows.updateFlowMetadata(id, { name: uniqueName() }), {
      status: 400,
      code: 139001,
      message: "Flow can't be updated",
      userTitle: "Flow can't be updated",
      userMessage: new RegExp(`${status} status cannot be modified`),
      isTransient: false,
    });
    expect(await statusOf(id)).toBe(status);
  });

  it('DEPRECATED: refused with 139001', async () => {
    const id = await flowIn(h, 'DEPRECATED');
    await expectGraphError(h.client.flows.updateFlowMetadata(id, { categories: ['OTHER'] }), {
      status: 400,
      code: 139001,
      message: "Flow can't be updated",
      userTitle: "Flow can't be updated",
      userMessage: /DEPRECATED status cannot be modified/,
    });
    expect(await statusOf(id)).toBe('DEPRECATED');
  });
});

describe('upload Flow JSON', () => {
  it('DRAFT: uploaded, stays DRAFT', async () => {
    const id = await flowIn(h, 'DRAFT');
    const res = await h.client.flows.uploadFlowJson(id, simpleFlowJson('7.2'));
    expect(res).toEqual({ success: true, validation_errors: [] });
    expect(await h.client.flows.getFlow(id, { fields: 'status,json_version' })).toMatchObject({ status: 'DRAFT', json_version: '7.2' });
  });

  it('PUBLISHED: back to DRAFT; "published" sends the published JSON, "draft" the new one', async () => {
    const id = await flowIn(h, 'PUBLISHED', simpleFlowJson('7.3'));
    await h.client.flows.uploadFlowJson(id, simpleFlowJson('7.1', 'Edited'));
    expect(await h.client.flows.getFlow(id, { fields: 'status,json_version' })).toMatchObject({ status: 'DRAFT', json_version: '7.1' });
    await send(id, 'published');
    expect(await lastSent()).toMatchObject({ id, mode: 'published', jsonVersion: '7.3', token: 'tok-published' });
    await send(id, 'draft');
    expect(await lastSent()).toMatchObject({ id, mode: 'draft', jsonVersion: '7.1', token: 'tok-draft' });
    // Publishing the edit makes it the version sent for "published".
    await h.client.flows.publishFlow(id);
    await send(id, 'published');
    expect(await lastSent()).toMatchObject({ mode: 'published', jsonVersion: '7.1' });
  });

  it.each(['THROTTLED', 'BLOCKED', 'DEPRECATED'] as const)('%s: refused with 139001, nothing changes', async (status) => {
    const id = await flowIn(h, status, simpleFlowJson('7.3'));
    await expectGraphError(h.client.flows.uploadFlowJson(id, simpleFlowJson('7.0')), {
      status: 400,
      code: 139001,
      message: "Flow can't be updated",
      userTitle: "Flow can't be updated",
    });
    expect(await h.client.flows.getFlow(id, { fields: 'status,json_version' })).toMatchObject({ status, json_version: '7.3' });
  });
});

describe('publish', () => {
  it('DRAFT: published', async () => {
    const id = await flowIn(h, 'DRAFT');
    await expect(h.client.flows.publishFlow(id)).resolves.toEqual({ success: true });
    expect(await statusOf(id)).toBe('PUBLISHED');
  });

  it.each(['PUBLISHED', 'THROTTLED', 'BLOCKED', 'DEPRECATED'] as const)('%s: 139002 "Publishing Flow in invalid state"', async (status) => {
    const id = await flowIn(h, status);
    await expectGraphError(h.client.flows.publishFlow(id), {
      status: 400,
      code: 139002,
      message: 'Publishing Flow in invalid state',
      userTitle: 'Publishing Flow in invalid state',
      userMessage: `Only DRAFT flows can be published; this flow is ${status}.`,
      isTransient: false,
    });
    expect(await statusOf(id)).toBe(status);
  });
});

describe('deprecate', () => {
  it('DRAFT: 139003 "Can\'t deprecate unpublished flow"', async () => {
    const id = await flowIn(h, 'DRAFT');
    await expectGraphError(h.client.flows.deprecateFlow(id), {
      status: 400,
      code: 139003,
      message: "Can't deprecate unpublished flow",
      userTitle: "Can't deprecate unpublished flow",
      userMessage: /Only published flows can be deprecated/,
    });
    expect(await statusOf(id)).toBe('DRAFT');
  });

  it('a published flow edited back to DRAFT is unpublished for deprecate too (139003)', async () => {
    const id = await flowIn(h, 'PUBLISHED');
    await h.client.flows.updateFlowMetadata(id, { name: uniqueName('edited') });
    await expectGraphError(h.client.flows.deprecateFlow(id), { status: 400, code: 139003, message: "Can't deprecate unpublished flow" });
  });

  it.each(['PUBLISHED', 'THROTTLED', 'BLOCKED'] as const)('%s: deprecated', async (status) => {
    const id = await flowIn(h, status);
    await expect(h.client.flows.deprecateFlow(id)).resolves.toEqual({ success: true });
    expect(await statusOf(id)).toBe('DEPRECATED');
  });

  it('DEPRECATED: 139003 "Flow is already deprecated"', async () => {
    const id = await flowIn(h, 'DEPRECATED');
    await expectGraphError(h.client.flows.deprecateFlow(id), {
      status: 400,
      code: 139003,
      message: 'Flow is already deprecated',
      userTitle: 'Flow is already deprecated',
    });
  });
});

describe('delete', () => {
  it('DRAFT: deleted; afterwards the id is an unknown object', async () => {
    const id = await flowIn(h, 'DRAFT');
    await expect(h.client.flows.deleteFlow(id)).resolves.toEqual({ success: true });
    await expectGraphError(h.client.flows.getFlow(id), {
      status: 400,
      code: 100,
      subcode: 33,
      type: 'GraphMethodException',
      message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    });
    expect(h.emu.state().flows[id]).toBeUndefined();
  });

  it.each(['PUBLISHED', 'THROTTLED', 'BLOCKED'] as const)('%s: 139004 "Can\'t delete published Flow"', async (status) => {
    const id = await flowIn(h, status);
    await expectGraphError(h.client.flows.deleteFlow(id), {
      status: 400,
      code: 139004,
      message: "Can't delete published Flow",
      userTitle: "Can't delete published Flow",
      userMessage: /Only flows in DRAFT status can be deleted/,
      isTransient: false,
    });
    expect(await statusOf(id)).toBe(status);
  });

  it('DEPRECATED: 139004 saying the flow is deprecated, not published', async () => {
    const id = await flowIn(h, 'DEPRECATED');
    await expectGraphError(h.client.flows.deleteFlow(id), {
      status: 400,
      code: 139004,
      message: "Can't delete deprecated Flow",
      userTitle: "Can't delete deprecated Flow",
      userMessage: /this flow is DEPRECATED/,
      isTransient: false,
    });
    expect(await statusOf(id)).toBe('DEPRECATED');
  });
});

describe('send with mode "draft"', () => {
  it.each(['DRAFT', 'PUBLISHED', 'THROTTLED'] as const)('%s: sent with the current JSON', async (status) => {
    const id = await flowIn(h, status);
    const res = await send(id, 'draft');
    expect(res).toMatchObject({ messaging_product: 'whatsapp', contacts: [{ input: TO, wa_id: TO }] });
    expect(res.messages[0]?.id).toMatch(/^wamid\./);
    expect(await lastSent()).toMatchObject({ id, mode: 'draft', jsonVersion: '7.3' });
  });

  it('BLOCKED: 132068 Flow is blocked', async () => {
    const id = await flowIn(h, 'BLOCKED');
    await expectGraphError(send(id, 'draft'), { status: 400, code: 132068, message: '(#132068) Flow is blocked', details: /blocked/ });
  });

  it('DEPRECATED: refused (131009)', async () => {
    const id = await flowIn(h, 'DEPRECATED');
    await expectGraphError(send(id, 'draft'), {
      status: 400,
      code: 131009,
      message: '(#131009) Parameter value is not valid',
      details: 'The flow is deprecated and can no longer be sent.',
    });
  });
});

describe('send with mode "published"', () => {
  it('DRAFT never published: refused (131009)', async () => {
    const id = await flowIn(h, 'DRAFT');
    await expectGraphError(send(id, 'published'), {
      status: 400,
      code: 131009,
      message: '(#131009) Parameter value is not valid',
      details: /has not been published/,
    });
  });

  it('PUBLISHED: sent (mode defaults to published)', async () => {
    const id = await flowIn(h, 'PUBLISHED');
    await h.client.messages.flow({ to: TO, flowId: id, cta: 'Open', body: 'Hi', screen: 'WELCOME' });
    expect(await lastSent()).toMatchObject({ id, mode: 'published', jsonVersion: '7.3', token: 'unused' });
  });

  it('BLOCKED: 132068 Flow is blocked', async () => {
    const id = await flowIn(h, 'BLOCKED');
    await expectGraphError(send(id, 'published'), { status: 400, code: 132068, message: '(#132068) Flow is blocked' });
  });

  it('DEPRECATED: refused (131009)', async () => {
    const id = await flowIn(h, 'DEPRECATED');
    await expectGraphError(send(id, 'published'), { status: 400, code: 131009, message: '(#131009) Parameter value is not valid', details: /deprecated/ });
  });

  it('THROTTLED: 10 per hour, then 132069; refused sends do not count; the window slides with the clock', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const clocked = await startEmulator({ now: () => new Date(now) });
    try {
      const id = await flowIn(clocked, 'THROTTLED');
      const sendHere = () => clocked.client.messages.flow({ to: TO, flowId: id, cta: 'Open', body: 'Hi' }, { maxRetries: 0 });
      // A send refused for another reason (unknown screen) is not one of the 10.
      await expectGraphError(
        clocked.client.messages.flow({ to: TO, flowId: id, cta: 'Open', body: 'Hi', screen: 'NOPE' }, { maxRetries: 0 }),
        { status: 400, code: 131009, message: '(#131009) Parameter value is not valid', details: /"NOPE" is not a screen/ },
      );
      for (let i = 0; i < 10; i++) {
        now += 60_000;
        await sendHere();
      }
      const error = await expectGraphError(sendHere(), {
        status: 400,
        code: 132069,
        message: '(#132069) Flow is throttled',
        details: '10 messages with this flow were already sent in the last hour.',
      });
      expect(error.isThrottled).toBe(true);
      // Draft sends are not limited.
      await clocked.client.messages.flow({ to: TO, flowId: id, cta: 'Open', body: 'Hi', mode: 'draft' }, { maxRetries: 0 });
      // An hour after the first of the 10, one slot frees up.
      now = Date.parse('2026-03-01T11:01:30Z');
      await sendHere();
      await expectGraphError(sendHere(), { status: 400, code: 132069, message: '(#132069) Flow is throttled' });
      const sent = clocked.emu.state().messages.filter((m) => m.flow?.id === id && m.flow.mode === 'published');
      expect(sent).toHaveLength(11);
    } finally {
      await clocked.close();
    }
  });
});

describe('whole matrix: the shared lifecycle cases (test/platform/lifecycle-cases.ts) through client and emulator', () => {
  const ops: Record<LifecycleCaseOperation, (id: string) => Promise<unknown>> = {
    update: (id) => h.client.flows.updateFlowMetadata(id, { categories: ['OTHER'] }),
    upload: (id) => h.client.flows.uploadFlowJson(id, simpleFlowJson()),
    publish: (id) => h.client.flows.publishFlow(id),
    deprecate: (id) => h.client.flows.deprecateFlow(id),
    delete: (id) => h.client.flows.deleteFlow(id),
    'send-draft': (id) => send(id, 'draft'),
    'send-published': (id) => send(id, 'published'),
  };

  it.each(LIFECYCLE_CASES.map((c) => [`${c.status} ${c.operation}`, c] as const))('%s', async (_name, c) => {
    const id = await flowIn(h, c.status); // a fresh flow per case
    const result = await ops[c.operation](id).then(
      () => undefined,
      (e: { code?: number; message?: string }) => e,
    );
    if ('code' in c.expected) {
      expect(result?.code).toBe(c.expected.code);
      if (c.expected.message !== undefined) expect(result?.message).toContain(c.expected.message);
      expect(await statusOf(id)).toBe(c.status);
    } else {
      expect(result).toBeUndefined();
      if (c.expected.next === 'DELETED') expect(h.emu.state().flows[id]).toBeUndefined();
      else expect(await statusOf(id)).toBe(c.expected.next);
    }
  });
});
