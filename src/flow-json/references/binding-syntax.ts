/**
 * Dynamic references inside Flow JSON strings (Meta: Flow JSON reference, Dynamic properties):
 * `${data.a.b}`, `${form.name}`, `${screen.SCREEN_ID.data.a}`, `${screen.SCREEN_ID.form.name}`.
 */
export type Reference =
  | { kind: 'data'; field: string; rest: string[]; text: string; start: number; end: number }
  | { kind: 'form'; field: string; rest: string[]; text: string; start: number; end: number }
  | { kind: 'screen'; screen: string; scope: 'data' | 'form'; field: string; rest: string[]; text: string; start: number; end: number }
  | { kind: 'invalid'; text: string; start: number; end: number };

const REF = /\$\{([^}]*)\}/g;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Every `${...}` in a string, with its offsets in the string. */
export function findReferences(text: string): Reference[] {
  if (!text.includes('${')) return [];
  const out: Reference[] = [];
  for (const m of text.matchAll(REF)) {
    const start = m.index;
    const end = start + m[0].length;
    out.push(classify(m[1]!.trim(), m[0], start, end));
  }
  return out;
}

function classify(inner: string, text: string, start: number, end: number): Reference {
  const parts = inner.split('.');
  if (parts.some((p) => !SEGMENT.test(p))) return { kind: 'invalid', text, start, end };
  const [head, ...tail] = parts;
  if ((head === 'data' || head === 'form') && tail.length >= 1) {
    return { kind: head, field: tail[0]!, rest: tail.slice(1), text, start, end };
  }
  if (head === 'screen' && tail.length >= 3 && (tail[1] === 'data' || tail[1] === 'form')) {
    return { kind: 'screen', screen: tail[0]!, scope: tail[1], field: tail[2]!, rest: tail.slice(3), text, start, end };
  }
  return { kind: 'invalid', text, start, end };
}

/** The whole value is one binding, e.g. `"${data.items}"`. */
export function isSingleBinding(text: string): boolean {
  return /^\$\{[^}]*\}$/.test(text);
}

/** The whole value is a nested expression (≥ 6.0), wrapped in backticks. */
export function isNestedExpression(text: string): boolean {
  return text.length >= 2 && text.startsWith('`') && text.endsWith('`');
}

/** Whether a value is dynamic: a binding or a nested expression. */
export function isDynamic(value: unknown): value is string {
  return typeof value === 'string' && (isSingleBinding(value) || isNestedExpression(value));
}
