/** Flow statuses (Meta: Flows lifecycle). */
export const FlowStatusEnum = {
  Draft: 'DRAFT',
  Published: 'PUBLISHED',
  Deprecated: 'DEPRECATED',
  Blocked: 'BLOCKED',
  Throttled: 'THROTTLED',
} as const;
export type FlowStatusEnum = (typeof FlowStatusEnum)[keyof typeof FlowStatusEnum];
export type FlowStatus = FlowStatusEnum;
