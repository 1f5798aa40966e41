/** `flow_action` of a flow message or template FLOW button (Meta: Sending a Flow; Sending a Flow, template with a Flow button). */
export const FlowActionEnum = {
  Navigate: 'navigate',
  DataExchange: 'data_exchange',
} as const;
export type FlowActionEnum = (typeof FlowActionEnum)[keyof typeof FlowActionEnum];

/** `mode` of a flow message: draft flows can only be sent with `draft`. */
export const FlowModeEnum = {
  Published: 'published',
  Draft: 'draft',
} as const;
export type FlowModeEnum = (typeof FlowModeEnum)[keyof typeof FlowModeEnum];
