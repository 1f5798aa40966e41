import type { APIPromise } from '../../../core/api-promise.js';
import { InvalidArgumentError } from '../../../core/errors.js';
import type { FlowActionEnum, FlowModeEnum } from '../../../enums/flow-action.js';
import type { RequestOptions } from '../../../internal/http.js';
import { graphPath } from '../../../internal/path.js';
import { APIResource } from '../../resource.js';
import type { FlowMessageParameters, FlowMessageTyping, InteractiveHeader, InteractiveMessageParams } from './flow-message.js';
import type { FlowJson } from '../../../flow-json/types/index.js';
import type { TemplateMessageParams } from './template.js';
import type { MessageBase, MessageOptionsBase, MessageRecipient, MessageSendResponse } from './types.js';

type MessageRules = typeof import('./message-rules.js');
let rules: Promise<MessageRules> | undefined;

/** The message rules and builders, loaded on the first send (they are not part of a client's startup code). */
function loadRules(): Promise<MessageRules> {
  return (rules ??= import('./message-rules.js'));
}

/** Meta's own message body: `{ messaging_product, to, type: 'interactive', interactive: {...} }` (`to` or `recipient`: see `MessageRecipient`). */
export interface InteractiveWireParams {
  messaging_product?: 'whatsapp';
  type: 'interactive';
  interactive: InteractiveMessageParams;
}

/** The short form of a flow message: `client.messages.flow({ to, flowId, cta, body })` (`to` or `recipient`: see `MessageRecipient`). */
export type FlowMessageParams = FlowMessageFields & MessageOptionsBase & MessageRecipient;

/** The flow-specific fields of `client.messages.flow(...)`. */
export interface FlowMessageFields {
  /** Exactly one of `flowId` and `flowName`. */
  flowId?: string | number;
  flowName?: string;
  /** Button text. */
  cta: string;
  /** Message body text. */
  body: string;
  /** Header text. */
  header?: string;
  /** Footer text. */
  footer?: string;
  token?: string;
  /** First screen (navigate only). */
  screen?: string;
  /** Data for the first screen (navigate only; without `screen` it goes to the first entry screen). */
  data?: Record<string, unknown>;
  mode?: FlowModeEnum | `${FlowModeEnum}`;
  /** Default `navigate`. */
  action?: FlowActionEnum | `${FlowActionEnum}`;
}

/** `client.messages`: send interactive flow messages and templates with a FLOW button. */
export class Messages extends APIResource {
  /**
   * `POST /{phone}/messages` with `type: "interactive"`. Takes the documented shape
   * (`{ to, type: 'flow', body, action }`) or Meta's own message body (`{ to, type: 'interactive', interactive: {...} }`,
   * as in Meta's docs and Postman collection). Flow messages are checked locally.
   */
  interactive(params: (Omit<InteractiveMessageParams, 'to'> | InteractiveWireParams) & MessageOptionsBase & MessageRecipient, options?: RequestOptions): APIPromise<MessageSendResponse> {
    return this._client._call(options, async (options) => {
      if (!params || typeof params !== 'object') throw new InvalidArgumentError('messages.interactive(params) needs { to, type, body, action }.');
      const shape: InteractiveMessageParams =
        'interactive' in params && params.interactive && typeof params.interactive === 'object' ? params.interactive : (params as unknown as InteractiveMessageParams);
      if (typeof shape.type !== 'string' || shape.type === '' || shape.type === 'interactive') {
        throw new InvalidArgumentError('interactive type is required, e.g. "flow".');
      }
      const { checkFlowInteractive, flowActionWithDefaults } = await loadRules();
      const interactive: Record<string, unknown> = { type: shape.type };
      if (shape.header !== undefined) interactive.header = checkHeader(shape.header);
      if (shape.type === 'flow') {
        // Meta's flow-message rules (src/platform/messages.ts), the same verdict as the emulator's.
        const verdict = checkFlowInteractive({ ...shape, action: flowActionWithDefaults(shape.action) });
        if (!verdict.ok) throw new InvalidArgumentError(verdict.problem);
        interactive.body = { text: (shape.body as { text: string }).text };
      } else if (shape.body !== undefined) {
        interactive.body = checkText('body', shape.body, false);
      }
      if (shape.footer !== undefined) interactive.footer = checkText('footer', shape.footer, true);
      interactive.action = shape.type === 'flow' ? flowActionWithDefaults(shape.action) : shape.action;
      return this.#send(params as unknown as MessageBase, { type: 'interactive', interactive }, options);
    });
  }

  /** A flow message from a few named fields; builds the documented `interactive` shape. */
  flow<const F extends FlowJson = FlowJson>(params: FlowMessageTyping<F>, options?: RequestOptions): APIPromise<MessageSendResponse> {
    return this._client._call(options, async (options) => {
      if (!params || typeof params !== 'object') throw new InvalidArgumentError('messages.flow(params) needs { to, flowId or flowName, cta, body }.');
      const parameters: FlowMessageParameters = { flow_message_version: '3', flow_cta: params.cta };
      if (params.flowId !== undefined) parameters.flow_id = String(params.flowId);
      if (params.flowName !== undefined) parameters.flow_name = params.flowName;
      if (params.token !== undefined) parameters.flow_token = params.token;
      if (params.mode !== undefined) parameters.mode = params.mode;
      if (params.action !== undefined) parameters.flow_action = params.action;
      if (params.screen !== undefined || params.data !== undefined) {
        parameters.flow_action_payload = {};
        if (params.screen !== undefined) parameters.flow_action_payload.screen = params.screen;
        if (params.data !== undefined) parameters.flow_action_payload.data = params.data;
      }
      const { flowId: _i, flowName: _n, cta: _c, body, header, footer, token: _t, screen: _s, data: _d, mode: _m, action: _a, flowJson: _f, ...base } = params as FlowMessageParams & { flowJson?: unknown };
      return this.interactive(
        {
          ...base,
          type: 'flow',
          body: { text: body },
          ...(header !== undefined ? { header: { type: 'text', text: header } } : {}),
          ...(footer !== undefined ? { footer: { text: footer } } : {}),
          action: { name: 'flow', parameters },
        },
        options,
      );
    });
  }

  /** `POST /{phone}/messages` with `type: "template"`; `flowButton` fills the template's FLOW button. */
  template(params: TemplateMessageParams & MessageOptionsBase & MessageRecipient, options?: RequestOptions): APIPromise<MessageSendResponse> {
    return this._client._call(options, async (options) => {
      if (!params || typeof params !== 'object') throw new InvalidArgumentError('messages.template(params) needs { to, name, language }.');
      const { templateBody, flowButtonComponent } = await loadRules();
      const template = params.flow !== undefined ? await (await import('./template-preflight.js')).templateWithFlow(this._client, params, { templateBody, flowButtonComponent }, options) : templateBody(params);
      return this.#send(params, { type: 'template', template }, options);
    });
  }

  async #send(base: MessageBase, content: Record<string, unknown>, options?: RequestOptions): Promise<MessageSendResponse> {
    const phone = this._client._phoneNumberId(base.phoneNumberId);
    // Who it goes to, by Meta's rule (src/platform/recipients.ts, flows-platform §6.1): a BSUID goes as `recipient`.
    const { addressFor } = await loadRules();
    const address = addressFor(base.to, base.recipient);
    if (!address.ok) throw new InvalidArgumentError(address.problem);
    const body: Record<string, unknown> = { messaging_product: 'whatsapp', ...address.wire };
    // Meta's default is `individual`; sent only when given, as in Meta's samples.
    if (base.recipient_type !== undefined) body.recipient_type = base.recipient_type;
    if (base.context !== undefined) body.context = base.context;
    if (base.biz_opaque_callback_data !== undefined) body.biz_opaque_callback_data = base.biz_opaque_callback_data;
    Object.assign(body, content);
    return this._client._request<MessageSendResponse>({ method: 'POST', path: graphPath(phone, 'messages'), json: body, retry: 'once', options });
  }
}

function checkText(name: string, value: unknown, required: boolean): { text: string } | undefined {
  if (value === undefined && !required) return undefined;
  const text = (value as { text?: unknown } | undefined)?.text;
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidArgumentError(`${name} must be { text: "..." } with non-empty text.`);
  return { text };
}

function checkHeader(header: unknown): InteractiveHeader | Record<string, unknown> {
  if (!header || typeof header !== 'object') throw new InvalidArgumentError('header must be an object, e.g. { type: "text", text: "..." }.');
  const h = header as Record<string, unknown>;
  if (h.type === 'text' && (typeof h.text !== 'string' || h.text.trim() === '')) throw new InvalidArgumentError('A text header needs non-empty text.');
  return h;
}
