import { constants, createCipheriv, createDecipheriv, privateDecrypt } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlowEndpoint, FlowTokenInvalidError } from '../../src/endpoint/index-node.js';
import { EndpointClient, FlowTokenExpiredError } from '../../src/simulator/index.js';
import { keys, serve } from './endpoint-fixture.js';

/**
 * The simulator reads a 427 as WhatsApp's client does (flows-platform §6.6): it decrypts a non-empty body and
 * shows its `error_msg`, falls back to plain JSON (Meta's error-codes page, §3.6), and to a generic message when
 * neither works. The hand-made endpoints below open requests and seal answers with node:crypto, written from §3.3.
 */
type Answer = (request: { aesKey: Buffer; iv: Buffer }) => Response;

function handMade(answer: Answer) {
  return async (request: Request): Promise<Response> => {
    const body = (await request.json()) as Record<string, string>;
    const aesKey = privateDecrypt({ key: keys.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(body.encrypted_aes_key!, 'base64'));
    const iv = Buffer.from(body.initial_vector!, 'base64');
    const data = Buffer.from(body.encrypted_flow_data!, 'base64');
    const decipher = createDecipheriv('aes-128-gcm', aesKey, iv);
    decipher.setAuthTag(data.subarray(-16));
    JSON.parse(Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]).toString('utf8'));
    return answer({ aesKey, iv });
  };
}

function seal(payload: unknown, { aesKey, iv }: { aesKey: Buffer; iv: Buffer }): string {
  const cipher = createCipheriv('aes-128-gcm', aesKey, Buffer.from(iv.map((b) => b ^ 0xff)));
  return Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

async function expired(endpoint: string | ((request: Request) => Promise<Response>)): Promise<FlowTokenExpiredError> {
  const client = new EndpointClient({ endpoint, publicKey: keys.publicKey });
  const error = await client.send({ version: '3.0', action: 'INIT', flow_token: 't' }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FlowTokenExpiredError);
  return error as FlowTokenExpiredError;
}

const GENERIC = 'flow-token-expired: the endpoint says the flow token is no longer valid';

describe('the simulator reads a 427 body', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it("decrypts the SDK endpoint's default (encrypted) 427 over HTTP and shows its error_msg", async () => {
    const server = await serve(createFlowEndpoint({ privateKey: keys.privateKey, onRequest: () => { throw new FlowTokenInvalidError('Your booking was already made'); } }));
    servers.push(server);
    const error = await expired(server.url);
    expect(error.errorMessage).toBe('Your booking was already made');
    expect(error.message).toContain('"Your booking was already made"');
    expect(error.status).toBe(427);
  });

  it('decrypts a 427 body sealed by an independent implementation (node:crypto, flipped IV)', async () => {
    const error = await expired(handMade((exchange) => new Response(seal({ error_msg: 'Sold out' }, exchange), { status: 427, headers: { 'content-type': 'text/plain' } })));
    expect(error.errorMessage).toBe('Sold out');
  });

  it('falls back to a plain JSON body', async () => {
    const error = await expired(handMade(() => Response.json({ error_msg: 'Expired yesterday' }, { status: 427 })));
    expect(error.errorMessage).toBe('Expired yesterday');
  });

  it('gives the generic message when neither works: empty, unreadable, wrong key, no error_msg', async () => {
    const bodies: Answer[] = [
      () => new Response(null, { status: 427 }),
      () => new Response('   ', { status: 427 }),
      () => new Response('not base64, not JSON', { status: 427 }),
      // Sealed with another key: the client cannot decrypt it.
      (exchange) => new Response(seal({ error_msg: 'hidden' }, { aesKey: Buffer.alloc(16, 7), iv: exchange.iv }), { status: 427 }),
      (exchange) => new Response(seal({ message: 'wrong field' }, exchange), { status: 427 }),
      (exchange) => new Response(seal({ error_msg: 42 }, exchange), { status: 427 }),
      () => Response.json(['error_msg'], { status: 427 }),
    ];
    for (const body of bodies) {
      const error = await expired(handMade(body));
      expect(error.errorMessage).toBeUndefined();
      expect(error.message).toBe(GENERIC);
    }
  });
});
