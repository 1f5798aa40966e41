/** Flow statuses (flows-platform §1.5). */
export const FlowStatusEnum = {
  Draft: 'DRAFT',
  Published: 'PUBLISHED',
  Deprecated: 'DEPRECATED',
  Blocked: 'BLOCKED',
  Throttled: 'THROTTLED',
} as const;
export type FlowStatusEnum = (typeof FlowStatusEnum)[keyof typeof FlowStatusEnum];
export type FlowStatus = FlowStatusEnum;
