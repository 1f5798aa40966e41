import { invalidParameter, type GraphError } from './graph-error.js';

/**
 * Graph's `fields` parameter with field expansions:
 * `id,name,preview.invalidate(false),metric.name(X).granularity(DAY).since(2024-01-28),health_status.phone_number(1)`
 * → `[{ name: 'id', modifiers: {} }, { name: 'preview', modifiers: { invalidate: 'false' } }, ...]`.
 */
export interface FieldRequest {
  name: string;
  modifiers: Record<string, string>;
}

export function parseFields(raw: string | undefined): FieldRequest[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const out: FieldRequest[] = [];
  for (const part of splitTopLevel(raw)) {
    const text = part.trim();
    if (text === '') continue;
    const [name, ...mods] = text.split(/\.(?![^(]*\))/);
    if (!name || !/^[a-z_]+$/.test(name)) throw invalidParameter(`Syntax error in fields near "${text}".`);
    const modifiers: Record<string, string> = {};
    for (const mod of mods) {
      const m = /^([a-z_]+)\(([^()]*)\)$/.exec(mod);
      if (!m) throw invalidParameter(`Syntax error "Expected "(" instead of end of string." at character ${text.length}: ${text}`);
      modifiers[m[1]!] = m[2]!;
    }
    out.push({ name, modifiers });
  }
  return out;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/**
 * Graph's answer to a field a node does not have: HTTP 400, code 100, `type: OAuthException`, message
 * `(#100) Tried accessing nonexisting field (<field>) on node type (<Type>)` (seen from Meta, e.g.
 * PipedreamHQ/pipedream#9004: `(#100) Tried accessing nonexisting field (message_templates) on node type (Business)`).
 * The emulator answers so for every field it does not know, never dropping one silently.
 */
export function nonexistingField(field: string, nodeType: string): GraphError {
  return invalidParameter(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);
}

/**
 * The requested fields of a node the emulator renders whole (`view` holds every field it knows), plus `id`
 * as Graph always returns it. Without `fields`, the `defaults` (or the whole view).
 */
export function pickFields(view: Record<string, unknown>, fields: FieldRequest[] | undefined, nodeType: string, defaults?: readonly string[]): Record<string, unknown> {
  const names = fields?.map((f) => f.name) ?? defaults ?? Object.keys(view);
  const out: Record<string, unknown> = {};
  for (const name of names) {
    if (!Object.hasOwn(view, name)) throw nonexistingField(name, nodeType);
    out[name] = view[name];
  }
  if (Object.hasOwn(view, 'id')) out.id = view.id;
  return out;
}
