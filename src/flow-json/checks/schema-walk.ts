/**
 * One walk over every component (nested ones included) against the catalogue, shared by the schema rules: each finding
 * is tagged with its concern (unknown key, missing required property, type, enum, limit, blank string) and each rule
 * returns its own concern. The walk runs once per validation (cached on the rule context).
 */
import type { Finding } from '../diagnostics.js';
import type { ComponentModel } from '../model.js';
import type { JsonPath } from '../parse.js';
import type { RuleContext } from '../rule.js';
import { isObject, jsonType, type JsonObject } from '../values.js';
import type { PropertySpec, ValueKind } from '../../platform/components/catalog.js';
import { catalogFor, type ResolvedProperty, type ResolvedShape } from '../../platform/components/catalog-for-version.js';
import { charLength, hasDynamicPart, isBlank, isDynamicValue } from './dynamic-values.js';
import * as msg from './component-messages.js';

/** `limit`: minimum lengths, minimum item counts and numeric ranges (errors); `max`: documented maximum lengths and item counts (warnings). */
export type Concern = 'key' | 'required' | 'type' | 'enum' | 'limit' | 'max' | 'blank';

const cache = new WeakMap<RuleContext, Record<Concern, Finding[]>>();

/** The findings of one concern for the whole document. */
export function schemaFindings(ctx: RuleContext, concern: Concern): Finding[] {
  let found = cache.get(ctx);
  if (!found) {
    found = { key: [], required: [], type: [], enum: [], limit: [], max: [], blank: [] };
    const catalog = catalogFor(ctx);
    const walk = new SchemaWalk(catalog.expressions, found);
    for (const component of ctx.model.components) {
      const shape = component.type === undefined ? undefined : catalog.components.get(component.type);
      if (shape) walk.walkComponent(component, shape);
    }
    cache.set(ctx, found);
  }
  return found[concern];
}

function kindMatches(kind: ValueKind, actual: string): boolean {
  if (kind === 'action') return actual === 'object';
  if (kind === 'number') return actual === 'number' || actual === 'integer';
  return kind === actual;
}

/** Type names as Meta's messages use them (an action is an object). */
function typeNames(kinds: readonly ValueKind[]): string {
  return [...new Set(kinds.map((k) => (k === 'action' ? 'object' : k)))].join(' or ');
}

/**
 * The walk. Paths are built only for findings: the walk keeps the keys and indexes below the current component on a
 * stack, and a finding's path is the component's path plus that stack (issue 13: building a path for every
 * component and nested value was much of the walk's time and garbage on large flows).
 */
class SchemaWalk {
  private component: ComponentModel | undefined;
  /** Keys and indexes from the component to the value being checked (its owner's, when checking a property). */
  private readonly stack: Array<string | number> = [];

  constructor(
    /** Nested expressions count as dynamic values (≥ 6.0); blank strings are rejected from the same version. */
    private readonly expressions: boolean,
    private readonly out: Record<Concern, Finding[]>,
  ) {}

  walkComponent(component: ComponentModel, shape: ResolvedShape): void {
    this.component = component;
    this.object(component.node, shape);
  }

  /** The path of the current owner (`seg` omitted) or of its member `seg`. */
  private path(seg?: string | number): JsonPath {
    const path = [...this.component!.path, ...this.stack];
    if (seg !== undefined) path.push(seg);
    return path;
  }

  private object(node: JsonObject, shape: ResolvedShape): void {
    const { out } = this;
    for (const key in node) {
      const property = shape.properties.get(key);
      if (!property || property.unavailable) {
        out.key.push({ code: 'INVALID_PROPERTY_KEY', message: msg.invalidKey(key, this.path(), property?.unavailable), path: this.path(key), target: 'key' });
        continue;
      }
      this.value(node[key], property, key, key, false);
    }
    for (const key of shape.required) {
      if (node[key] === undefined) out.required.push({ code: 'MISSING_REQUIRED_TYPE_PROPERTY', message: msg.missingRequired(key), path: this.path() });
    }
  }

  /** Checks `value`, found at the current owner + `seg`; `key` is the property name messages use. */
  private value(value: unknown, property: ResolvedProperty, seg: string | number, key: string, arrayItem: boolean): void {
    const { out } = this;
    const { kinds, spec } = property;
    if (typeof value === 'string') {
      if (property.acceptsString) return this.string(value, spec, seg, key, arrayItem);
      if (property.dynamic && isDynamicValue(value, this.expressions)) return;
      const path = this.path(seg);
      const message = property.dynamic ? msg.notDynamicFormat(key, typeNames(kinds)) : msg.invalidType(path, typeNames(kinds), 'string');
      out.type.push({ code: property.dynamic ? 'PATTERN_MISMATCH' : 'INVALID_PROPERTY_TYPE', message, path });
      return;
    }
    const actual = jsonType(value);
    const kind = kinds.find((k) => kindMatches(k, actual));
    if (!kind) {
      const path = this.path(seg);
      const later = spec.kinds.find((k) => kindMatches(k, actual));
      const why = later ? `The type ${actual} is available from Flow JSON version ${spec.kindsSince?.[later]}.` : undefined;
      out.type.push({ code: 'INVALID_PROPERTY_TYPE', message: msg.invalidType(path, typeNames(kinds), actual, why), path });
      return;
    }
    if (kind === 'array') {
      if (property.items || spec.minItems !== undefined || spec.maxItems) this.array(value as unknown[], property, seg, key);
    } else if (kind === 'object' && isObject(value)) {
      if (!property.shape && !property.values) return;
      this.stack.push(seg);
      if (property.shape) this.object(value, property.shape);
      if (property.values) for (const k in value) this.value(value[k], property.values, k, k, false);
      this.stack.pop();
    } else if (typeof value === 'number' && (spec.minimum !== undefined || spec.maximum !== undefined)) this.number(value, spec, seg, key);
  }

  private string(value: string, spec: PropertySpec, seg: string | number, key: string, arrayItem: boolean): void {
    const { out } = this;
    if (hasDynamicPart(value, this.expressions)) return;
    if (spec.enum && !spec.enum.includes(value)) out.enum.push({ code: 'INVALID_ENUM_VALUE', message: msg.enumValue(spec.enum), path: this.path(seg) });
    // From 6.0 component strings may not be empty or blank (§2.2 6.0, §2.11). Lines of a text array are left alone:
    // empty lines are common in markdown and Meta does not say they are rejected.
    const blank = this.expressions && isBlank(value);
    if (blank && !arrayItem) out.blank.push({ code: 'PATTERN_MISMATCH', message: msg.blankString(key), path: this.path(seg) });
    // Code points never outnumber UTF-16 units, so only short strings need counting.
    if (spec.minLength !== undefined && !blank && value.length < 2 * spec.minLength && charLength(value) < spec.minLength) {
      out.limit.push({ code: 'MIN_CHARS_REQUIRED', message: msg.atLeast(key, spec.minLength, 'characters'), path: this.path(seg) });
    }
    const max = spec.maxLength;
    if (max && value.length > max.value) {
      const length = charLength(value);
      if (length > max.value) {
        // A warning (src/platform/limits.ts: no maximum-length code in §2.12; a longer label was published, §6.5).
        const others = max.lenient !== undefined && length <= max.lenient ? ` (other sources allow up to ${max.lenient})` : '';
        const why = `It is ${length} characters, longer than the documented ${max.value}${others}: WhatsApp may cut it.`;
        out.max.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue(key, this.path(), why), path: this.path(seg) });
      }
    }
  }

  private array(value: unknown[], property: ResolvedProperty, seg: string | number, key: string): void {
    const { out } = this;
    const { spec } = property;
    if (spec.minItems !== undefined && value.length < spec.minItems) {
      out.limit.push({ code: 'MIN_ITEMS_REQUIRED', message: msg.atLeast(key, spec.minItems, 'items'), path: this.path(seg) });
    }
    if (spec.maxItems) {
      const withImages = spec.maxItemsWithImages !== undefined && value.some((item) => isObject(item) && item.image !== undefined);
      const max = withImages ? spec.maxItemsWithImages! : spec.maxItems.value;
      if (value.length > max) {
        const why = `It has ${value.length} items, more than the documented ${max}${withImages ? ' when items have images' : ''}: WhatsApp may not show the rest.`;
        // A warning (src/platform/limits.ts: no code for too many items in §2.12): INVALID_PROPERTY_VALUE, the closest code.
        out.max.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue(key, this.path(), why), path: this.path(seg) });
      }
    }
    const items = property.items;
    if (!items) return;
    this.stack.push(seg);
    for (let i = 0; i < value.length; i++) this.value(value[i], items, i, key, true);
    this.stack.pop();
  }

  private number(value: number, spec: PropertySpec, seg: string | number, key: string): void {
    if (spec.minimum !== undefined && value < spec.minimum) {
      this.out.limit.push({ code: 'MINIMUM_VALUE_REQUIRED', message: msg.minimumValue(key, spec.minimum), path: this.path(seg) });
    }
    if (spec.maximum !== undefined && value > spec.maximum) {
      this.out.limit.push({ code: 'MAXIMUM_VALUE_REQUIRED', message: msg.maximumValue(key, spec.maximum), path: this.path(seg) });
    }
  }
}
