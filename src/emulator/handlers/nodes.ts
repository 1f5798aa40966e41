import { phoneFor, type EmulatorContext } from '../context.js';
import { unknownObject } from '../graph-error.js';
import { nodeDisplayPhoneNumber } from '../../platform/phone-numbers.js';
import type { GraphRequest } from '../request.js';
import { page } from './flows.js';

/** `GET /{id}` for an id that is not a flow: a known phone number or WABA (as in Meta's Postman "Get WABA"). */
export function getNode(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const phone = ctx.state.phones[id];
  if (phone) return phoneView(phone.id);
  if (ctx.state.wabas[id]) return { id, name: `WABA ${id}`, timezone_id: '1', message_template_namespace: `ns_${id}` };
  throw unknownObject(id, 'get');
}

/** `GET /{waba}/phone_numbers`: every phone number the emulator has seen (one emulated business). */
export function listPhoneNumbers(ctx: EmulatorContext, req: GraphRequest, _wabaId: string): Record<string, unknown> {
  return page(req, Object.values(ctx.state.phones).map((p) => phoneView(p.id)));
}

/** `POST /{phone}/register`. */
export function registerPhone(ctx: EmulatorContext, phoneId: string): Record<string, unknown> {
  phoneFor(ctx, phoneId);
  return { success: true };
}

function phoneView(id: string): Record<string, unknown> {
  return { id, display_phone_number: nodeDisplayPhoneNumber(id), verified_name: 'Emulated Business', quality_rating: 'GREEN', code_verification_status: 'VERIFIED' };
}
