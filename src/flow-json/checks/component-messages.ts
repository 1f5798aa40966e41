/**
 * Meta's message templates (flows-platform §2.12) with their placeholders filled, shared by the components rules.
 * Where a second sentence follows Meta's template it is ours, saying what exactly is wrong.
 */
import { metaPath } from '../diagnostics.js';
import type { JsonPath } from '../parse.js';

export const invalidValue = (property: string, at: JsonPath, why?: string) =>
  `Invalid value found for property ${property} at ${metaPath(at)}.${why ? ' ' + why : ''}`;

export const invalidKey = (property: string, at: JsonPath, why?: string) =>
  `Property ${property} cannot be specified at ${metaPath(at)}.${why ? ' ' + why : ''}`;

export const missingRequired = (property: string) => `Required property '${property}' is missing.`;

export const invalidType = (at: JsonPath, expected: string, actual: string, why?: string) =>
  `Expected property ${metaPath(at)} to be of type ${expected}, but found ${actual}.${why ? ' ' + why : ''}`;

export const notDynamicFormat = (property: string, expected: string) =>
  `Property ${property} should be of type '${expected}' or have dynamic data format of the form \${screen.data.your_value} or \${data.your_value}.`;

export const enumValue = (allowed: readonly string[]) => `Value should be one of: [${allowed.join(', ')}].`;

export const blankString = (property: string) => `Property ${property} should not be blank or empty string.`;

export const atLeast = (property: string, count: number, unit: 'characters' | 'items') =>
  `Property '${property}' should have at least '${count}' ${unit}.`;

export const minimumValue = (property: string, limit: number) => `The minimum value allowed for property '${property}' is ${limit}.`;

export const maximumValue = (property: string, limit: number) => `The maximum value allowed for property '${property}' is ${limit}.`;

export const maxPerScreen = (component: string, max: number, found: number) =>
  `Maximum number of ${component} allowed per screen is ${max} but found ${found}.`;

export const minGreaterThanMax = (min: string, max: string, type: string, name: string | undefined) =>
  `${min} cannot be greater than ${max} for ${type}${name === undefined ? '' : ' ' + name}.`;

/** [M-MEDIA]'s wording for PhotoPicker and DocumentPicker. */
export const pickerMinGreaterThanMax = (min: string, max: string, type: string, name: string | undefined) =>
  `"${min}" cannot be greater than "${max}" for ${type} component${name === undefined ? '' : ' ' + name}.`;
