import type { FlowJsonRule } from '../../rule.js';
import { calendarPickerModeRule } from './calendar-picker-mode.js';
import { componentBlankStringsRule } from './component-blank-strings.js';
import { componentCountsRule } from './component-counts.js';
import { componentEnumValuesRule } from './component-enum-values.js';
import { componentLimitsRule } from './component-limits.js';
import { componentMaxLimitsRule } from './component-max-limits.js';
import { componentMinMaxRule } from './component-min-max.js';
import { componentPropertyKeysRule } from './component-property-keys.js';
import { componentPropertyTypesRule } from './component-property-types.js';
import { componentRequiredPropertiesRule } from './component-required-properties.js';
import { componentTypeRule } from './component-type.js';
import { dateFormatRule } from './date-format.js';
import { footerCaptionsRule } from './footer-captions.js';
import { imageSizeRule } from './image-size.js';
import { navigationListActionsRule } from './navigation-list-actions.js';
import { navigationListItemsRule } from './navigation-list-items.js';
import { navigationListScreenRule } from './navigation-list-screen.js';
import { richTextScreenRule } from './rich-text-screen.js';
import { textInputPatternRule } from './text-input-pattern.js';

/** The components rules, one per file in this folder (the schema ones share one walk over the catalogue). */
export const COMPONENTS_RULES: FlowJsonRule[] = [
  componentTypeRule,
  componentPropertyKeysRule,
  componentRequiredPropertiesRule,
  componentPropertyTypesRule,
  componentEnumValuesRule,
  componentLimitsRule,
  componentMaxLimitsRule,
  componentBlankStringsRule,
  componentMinMaxRule,
  componentCountsRule,
  richTextScreenRule,
  footerCaptionsRule,
  navigationListActionsRule,
  navigationListItemsRule,
  navigationListScreenRule,
  textInputPatternRule,
  dateFormatRule,
  calendarPickerModeRule,
  imageSizeRule,
];
