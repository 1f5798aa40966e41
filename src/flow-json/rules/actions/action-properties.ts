import type { Finding } from '../../diagnostics.js';
import { metaPath } from '../../diagnostics.js';
import type { JsonPath } from '../../parse.js';
import { isDynamic } from '../../references/binding-syntax.js';
import { defineRule } from '../../rule.js';
import { isObject, jsonType } from '../../values.js';
import { allowedActionNames, isActionName, type ActionName } from '../../../platform/action-sites.js';

const KEYS: Record<ActionName, readonly string[]> = {
  navigate: ['name', 'next', 'payload'],
  data_exchange: ['name', 'payload'],
  complete: ['name', 'payload'],
  update_data: ['name', 'payload'],
  open_url: ['name', 'url'],
};
const NEXT_KEYS = ['type', 'name'];

/**
 * Each action has only its own properties, with the right shapes: navigate `next` = `{type: "screen", name}`,
 * `payload` an object, open_url `url` a URI (flows-platform §2.8, §2.12).
 */
export const actionPropertiesRule = defineRule({
  id: 'flow-json/action-properties',
  description: 'Actions carry only their own properties (next, payload, url) with the documented shapes.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.8, §2.12 INVALID_PROPERTY_KEY / MISSING_REQUIRED_TYPE_PROPERTY',
  check(ctx) {
    const findings: Finding[] = [];
    for (const action of ctx.model.actions) {
      const { node } = action;
      if (!isActionName(node.name) || !allowedActionNames(action, ctx.atLeast)) continue;
      const name = node.name;
      // The action's path is read only for a finding (issue 13: reading it for every action kept one per action).
      const path = () => action.path;
      unknownKeys(node, KEYS[name], path, findings);
      if (node.payload !== undefined && !isObject(node.payload)) typeError(node.payload, [...path(), 'payload'], 'object', findings);
      if (name === 'navigate') checkNext(node.next, path, findings);
      if (name === 'open_url') checkUrl(node.url, path, findings);
    }
    return findings;
  },
});

function checkNext(next: unknown, actionPath: () => JsonPath, findings: Finding[]): void {
  if (next === undefined) return void findings.push(missing('next', actionPath()));
  const nextPath = () => [...actionPath(), 'next'];
  if (!isObject(next)) return typeError(next, nextPath(), 'object', findings);
  unknownKeys(next, NEXT_KEYS, nextPath, findings);
  if (next.type === 'screen' && typeof next.name === 'string') return;
  const path = nextPath();
  // Meta documents only `screen`; pywa also models `plugin`, which no Meta source shows (reference Appendix B),
  // so it is reported like any other value.
  if (next.type === undefined) findings.push(missing('type', path));
  else if (next.type !== 'screen') findings.push({ code: 'INVALID_ENUM_VALUE', message: 'Value should be one of: [screen].', path: [...path, 'type'] });
  if (next.name === undefined) findings.push(missing('name', path));
  else if (typeof next.name !== 'string') typeError(next.name, [...path, 'name'], 'string', findings);
}

function checkUrl(url: unknown, actionPath: () => JsonPath, findings: Finding[]): void {
  if (url === undefined) return void findings.push(missing('url', actionPath()));
  const path = [...actionPath(), 'url'];
  if (typeof url !== 'string') return typeError(url, path, 'string', findings);
  // A binding or expression is checked by the data family; its value is only known at run time.
  if (isDynamic(url)) return;
  if (!isUri(url)) findings.push({ code: 'INVALID_PROPERTY_VALUE_FORMAT', message: "Property 'url' should be in 'uri' format.", path });
}

/** An absolute URI: a scheme, a colon and something after it, without spaces (RFC 3986 shape). */
function isUri(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(text) && URL.canParse(text);
}

function unknownKeys(node: Record<string, unknown>, allowed: readonly string[], pathOf: () => JsonPath, findings: Finding[]): void {
  for (const key of Object.keys(node)) {
    if (allowed.includes(key)) continue;
    const path = pathOf();
    findings.push({
      code: 'INVALID_PROPERTY_KEY',
      message: `Property ${key} cannot be specified at ${metaPath(path)}.`,
      path: [...path, key],
      target: 'key',
    });
  }
}

function missing(property: string, path: JsonPath): Finding {
  return { code: 'MISSING_REQUIRED_TYPE_PROPERTY', message: `Required property '${property}' is missing.`, path };
}

function typeError(value: unknown, path: JsonPath, expected: string, findings: Finding[]): void {
  findings.push({
    code: 'INVALID_PROPERTY_TYPE',
    message: `Expected property ${metaPath(path)} to be of type ${expected}, but found ${jsonType(value)}.`,
    path,
  });
}
