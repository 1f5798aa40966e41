import type { FlowCategory } from '../../../enums/flow-category.js';
import type { FlowStatus } from '../../../enums/flow-status.js';

/** One item of Meta's `validation_errors` (Meta: Flows API, Update Flow JSON). Lines and columns are 1-based. */
export interface FlowValidationError {
  error: string;
  error_type: string;
  message: string;
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  pointers?: Array<{ line_start: number; line_end: number; column_start: number; column_end: number; path: string }>;
}

export interface FlowPreview {
  preview_url: string;
  expires_at: string;
}

export interface FlowHealthEntity {
  entity_type: 'FLOW' | 'WABA' | 'BUSINESS' | 'APP' | (string & {});
  id: string;
  can_send_message: 'AVAILABLE' | 'LIMITED' | 'BLOCKED';
  errors?: Array<{ error_code: number; error_description: string; possible_solution: string }>;
  additional_info?: string[];
}

export interface FlowHealthStatus {
  can_send_message: 'AVAILABLE' | 'LIMITED' | 'BLOCKED';
  entities: FlowHealthEntity[];
}

export interface FlowMetricDataPoint {
  timestamp: string;
  data: Array<{ key: string; value: number }>;
}

export interface FlowMetric {
  name: string;
  granularity: string;
  data_points: FlowMetricDataPoint[];
}

/** A flow as the Graph API returns it; which fields are present depends on `fields`. */
export interface Flow {
  id: string;
  name?: string;
  status?: FlowStatus;
  categories?: FlowCategory[];
  validation_errors?: FlowValidationError[];
  json_version?: string;
  data_api_version?: string;
  endpoint_uri?: string;
  /** Deprecated since Graph v19.0: use `endpoint_uri`. */
  data_channel_uri?: string;
  preview?: FlowPreview;
  whatsapp_business_account?: { id: string; name?: string; [key: string]: unknown };
  application?: { id: string; name?: string; link?: string };
  health_status?: FlowHealthStatus;
  metric?: FlowMetric;
  updated_at?: string;
  [key: string]: unknown;
}

export interface FlowAsset {
  name: string;
  asset_type: 'FLOW_JSON' | (string & {});
  download_url: string;
}

export interface SuccessResponse {
  success: boolean;
}

export interface FlowCreateResponse {
  id: string;
  success?: boolean;
  validation_errors?: FlowValidationError[];
}

export interface FlowUploadResponse {
  success: boolean;
  validation_errors?: FlowValidationError[];
}

export interface FlowMigrateResponse {
  migrated_flows: Array<{ source_name: string; source_id: string; migrated_id: string }>;
  failed_flows: Array<{ source_name: string; source_id?: string; error_code: string; error_message: string }>;
}
