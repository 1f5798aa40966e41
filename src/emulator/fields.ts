import { invalidParameter } from './graph-error.js';

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
