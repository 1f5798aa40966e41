import { phoneFor, type EmulatorContext } from '../context.js';
import { unknownObject } from '../graph-error.js';
import { nodeDisplayPhoneNumber } from '../../platform/phone-numbers.js';
import type { GraphRequest } from '../request.js';
import { parseFields, pickFields } from '../fields.js';
import { page } from './flows.js';

/** `GET /{id}` for an id that is not a flow: a known phone number or WABA (as in Meta's Postman "Get WABA"). */
export function getNode(ctx: EmulatorContext, req: GraphRequest, id: string): Record<string, unknown> {
  const fields = parseFields(req.params.get('fields'));
  const phone = ctx.state.phones[id];
  if (phone) return pickFields(phoneView(phone.id), fields, PHONE_NODE);
  if (ctx.state.wabas[id]) return pickFields(wabaView(id), fields, WABA_NODE);
  throw unknownObject(id, 'get');
}

/** Graph's node type names, as its "nonexisting field" errors name them. */
const PHONE_NODE = 'WhatsAppBusinessPhoneNumber';
const WABA_NODE = 'WhatsAppBusinessAccount';

/** The WABA node (the fields the emulator knows). */
export function wabaView(id: string): Record<string, unknown> {
  return { id, name: `WABA ${id}`, timezone_id: '1', message_template_namespace: `ns_${id}` };
}

/** `GET /{waba}/phone_numbers`: every phone number the emulator has seen (one emulated business). */
export function listPhoneNumbers(ctx: EmulatorContext, req: GraphRequest, _wabaId: string): Record<string, unknown> {
  const fields = parseFields(req.params.get('fields'));
  return page(req, Object.values(ctx.state.phones).map((p) => pickFields(phoneView(p.id), fields, PHONE_NODE)));
}

/** `POST /{phone}/register`. */
export function registerPhone(ctx: EmulatorContext, phoneId: string): Record<string, unknown> {
  phoneFor(ctx, phoneId);
  return { success: true };
}

function phoneView(id: string): Record<string, unknown> {
  return { id, display_phone_number: nodeDisplayPhoneNumber(id), verified_name: 'Emulated Business', quality_rating: 'GREEN', code_verification_status: 'VERIFIED' };
}
