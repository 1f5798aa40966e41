/**
 * Compile-time test (run by `tsc --noEmit`): the validator's data model types and the TypeScript types are the same
 * five, flows-platform §2.5 (string, number, boolean, object, array). `integer` is refused by both (issue 9 drift case).
 */
import type { DATA_MODEL_TYPES } from '../../src/flow-json/checks/data-model.js';
import type { DataField, DataSchema } from '../../src/flow-json/types/index.js';

type ValidatorTypes = (typeof DATA_MODEL_TYPES)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const sameTypes: Same<ValidatorTypes, DataSchema['type']> = true;
export const sameFieldTypes: Same<ValidatorTypes, DataField['type']> = true;

export const numberField: DataField = { type: 'number', __example__: 1 };
// @ts-expect-error `integer` is not a Flow JSON data model type (§2.5): use number
export const integerField: DataField = { type: 'integer', __example__: 1 };
