import type { FlowJsonRule } from '../../rule.js';
import { componentsOutsideFormRule } from './components-outside-form.js';
import { conditionalChildrenRule } from './conditional-children.js';
import { footerCountRule } from './footer-count.js';
import { footerInIfBranchesRule } from './footer-in-if-branches.js';
import { footerInSwitchCasesRule } from './footer-in-switch-cases.js';
import { formInitValuesNativeRule } from './form-init-values-native.js';
import { formInitValuesTypesRule } from './form-init-values-types.js';
import { formInputNamesUniqueRule } from './form-input-names-unique.js';
import { ifNestingDepthRule } from './if-nesting-depth.js';
import { ifThenNotEmptyRule } from './if-then-not-empty.js';
import { initValueOutsideFormRule } from './init-value-outside-form.js';
import { inputsInsideFormRule } from './inputs-inside-form.js';
import { refreshOnBackRule } from './refresh-on-back.js';
import { screenIdPatternRule } from './screen-id-pattern.js';
import { screenIdReservedRule } from './screen-id-reserved.js';
import { screenIdUniqueRule } from './screen-id-unique.js';
import { screenKeysRule } from './screen-keys.js';
import { screenLayoutRule } from './screen-layout.js';
import { sensitiveFieldsRule } from './sensitive-fields.js';
import { successOnTerminalOnlyRule } from './success-on-terminal-only.js';
import { successScreenRequiredRule } from './success-screen-required.js';
import { switchCasesNotEmptyRule } from './switch-cases-not-empty.js';
import { terminalScreenFooterRule } from './terminal-screen-footer.js';
import { terminalScreenRequiredRule } from './terminal-screen-required.js';

/**
 * The screens rules, one per file in this folder: screen keys, ids, terminal/success, refresh_on_back and
 * sensitive; then forms, Footer placement and If/Switch structure.
 */
export const SCREENS_RULES: FlowJsonRule[] = [
  screenKeysRule,
  screenLayoutRule,
  screenIdPatternRule,
  screenIdUniqueRule,
  screenIdReservedRule,
  terminalScreenRequiredRule,
  terminalScreenFooterRule,
  successOnTerminalOnlyRule,
  successScreenRequiredRule,
  refreshOnBackRule,
  sensitiveFieldsRule,
  inputsInsideFormRule,
  componentsOutsideFormRule,
  formInputNamesUniqueRule,
  initValueOutsideFormRule,
  formInitValuesNativeRule,
  formInitValuesTypesRule,
  footerCountRule,
  footerInIfBranchesRule,
  footerInSwitchCasesRule,
  ifThenNotEmptyRule,
  ifNestingDepthRule,
  switchCasesNotEmptyRule,
  conditionalChildrenRule,
];
