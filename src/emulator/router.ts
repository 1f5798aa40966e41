import type { EmulatorContext } from './context.js';
import { GraphError, unknownObject } from './graph-error.js';
import { listAssets, uploadAsset } from './handlers/assets.js';
import { getPublicKey, setPublicKey } from './handlers/encryption.js';
import { createFlow, deleteFlow, getFlow, listFlows, updateFlowMetadata } from './handlers/flows.js';
import { deprecateFlow, publishFlow } from './handlers/lifecycle.js';
import { sendMessage } from './handlers/messages.js';
import { migrateFlows } from './handlers/migrate.js';
import { getNode, listPhoneNumbers, registerPhone } from './handlers/nodes.js';
import { createTemplate, deleteTemplate, getTemplate, listTemplates } from './handlers/templates.js';
import type { GraphRequest } from './request.js';

/** Routes a Graph request to its handler; returns the JSON body. Throws GraphError for anything Meta would refuse. */
export async function routeGraph(ctx: EmulatorContext, req: GraphRequest): Promise<unknown> {
  const [id, edge, ...rest] = req.segments;
  const m = req.method;
  if (!id || rest.length > 0) throw unknownPath(req);
  if (edge === undefined) {
    const isFlow = ctx.state.flows[id] !== undefined;
    if (m === 'GET') return isFlow ? getFlow(ctx, req, id) : ctx.state.templates[id] ? getTemplate(ctx, req, id) : getNode(ctx, req, id);
    if (m === 'POST') return isFlow ? updateFlowMetadata(ctx, req, id) : Promise.reject(unknownObject(id, 'post'));
    if (m === 'DELETE') return deleteFlow(ctx, id);
    throw unknownPath(req);
  }
  const route = `${m} ${edge}`;
  switch (route) {
    case 'GET flows':
      return listFlows(ctx, req, id);
    case 'POST flows':
      return createFlow(ctx, req, id);
    case 'GET assets':
      return listAssets(ctx, req, id);
    case 'POST assets':
      return uploadAsset(ctx, req, id);
    case 'POST publish':
      return publishFlow(ctx, id);
    case 'POST deprecate':
      return deprecateFlow(ctx, id);
    case 'POST migrate_flows':
      return migrateFlows(ctx, req, id);
    case 'GET whatsapp_business_encryption':
      return getPublicKey(ctx, req, id);
    case 'POST whatsapp_business_encryption':
      return setPublicKey(ctx, req, id);
    case 'POST messages':
      return sendMessage(ctx, req, id);
    case 'GET message_templates':
      return listTemplates(ctx, req, id);
    case 'POST message_templates':
      return createTemplate(ctx, req, id);
    case 'DELETE message_templates':
      return deleteTemplate(ctx, req, id);
    case 'GET phone_numbers':
      return listPhoneNumbers(ctx, req, id);
    case 'POST register':
      return registerPhone(ctx, id);
    default:
      throw unknownPath(req);
  }
}

function unknownPath(req: GraphRequest): GraphError {
  return new GraphError({
    code: 100,
    message: `Unknown path components: /${req.segments.join('/')} (the emulator serves the Flows part of the Graph API)`,
    type: 'OAuthException',
  });
}
