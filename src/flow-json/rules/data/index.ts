import type { FlowJsonRule } from '../../rule.js';
import { bindingMixedWithTextRule } from './binding-mixed-with-text.js';
import { bindingTypeRule } from './binding-type.js';
import { dataModelExampleRule } from './data-model-example.js';
import { dataModelSchemaRule } from './data-model-schema.js';
import { dataReferenceRule } from './data-reference.js';
import { dataSourceItemSchemaRule } from './data-source-item-schema.js';
import { formReferenceRule } from './form-reference.js';
import { globalReferenceRule } from './global-reference.js';
import { ifConditionRule } from './if-condition.js';
import { nestedExpressionRule } from './nested-expression.js';
import { updateDataPayloadRule } from './update-data-payload.js';

/** The data rules, one per file in this folder. */
export const DATA_RULES: FlowJsonRule[] = [
  dataModelSchemaRule,
  dataModelExampleRule,
  dataReferenceRule,
  formReferenceRule,
  globalReferenceRule,
  dataSourceItemSchemaRule,
  bindingTypeRule,
  bindingMixedWithTextRule,
  nestedExpressionRule,
  ifConditionRule,
  updateDataPayloadRule,
];
