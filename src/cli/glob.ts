/**
 * A small glob matcher for the CLI's file arguments and `--include`/`--ignore` (Node 20 has no `fs.globSync`;
 * it arrived in Node 22). Supports `*` (any characters but `/`), `**` (any number of directories), `?` (one
 * character but `/`), `{a,b}` (alternatives, nestable) and `[abc]`/`[a-z]`/`[!a]` (one character of a set).
 * Like shells, `*` and `?` do not match a leading `.` of a name. Paths are matched with `/` separators.
 */

const MAGIC = /[*?{[]/;

/** Whether a command-line argument is a pattern (and not a plain path). */
export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** The pattern as an anchored regular expression over a `/`-separated path. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(pattern.replace(/\\/g, '/'))}$`);
}

/** Whether `path` (any separators) matches `pattern`. */
export function matchesGlob(pattern: string, path: string): boolean {
  return globToRegExp(pattern).test(path.replace(/\\/g, '/'));
}

/**
 * Splits a pattern into the directory to walk (its leading segments without magic) and the rest:
 * `flows/**\/*.json` → `{ base: 'flows', rest: '**\/*.json' }`; `*.json` → `{ base: '.', rest: '*.json' }`.
 */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const firstMagic = segments.findIndex((s) => isGlob(s));
  if (firstMagic === -1) return { base: pattern, rest: '' };
  const baseSegments = segments.slice(0, firstMagic);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  return { base, rest: segments.slice(firstMagic).join('/') };
}

function translate(glob: string): string {
  let out = '';
  let i = 0;
  const atNameStart = () => i === 0 || glob[i - 1] === '/';
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*' && atNameStart() && (glob[i + 2] === '/' || i + 2 === glob.length)) {
        // `**/` : zero or more directories whose names do not start with a dot; a final `**`: everything below.
        out += i + 2 === glob.length ? '(?:[^/.][^/]*(?:/[^/.][^/]*)*)?' : '(?:[^/.][^/]*/)*';
        i += glob[i + 2] === '/' ? 3 : 2;
        continue;
      }
      out += (atNameStart() ? '(?!\\.)' : '') + '[^/]*';
      while (glob[i] === '*') i++;
      continue;
    }
    if (c === '?') {
      out += (atNameStart() ? '(?!\\.)' : '') + '[^/]';
      i++;
      continue;
    }
    if (c === '{') {
      const end = closingBrace(glob, i);
      if (end !== -1) {
        out += `(?:${splitAlternatives(glob.slice(i + 1, end)).map(translate).join('|')})`;
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end !== -1) {
        let set = glob.slice(i + 1, end);
        if (set.startsWith('!')) set = '^' + set.slice(1);
        out += `[${set.replace(/\\/g, '\\\\').replace(/\//g, '')}]`;
        i = end + 1;
        continue;
      }
    }
    out += c.replace(/[.+^$()|\\\]{}[]/g, '\\$&');
    i++;
  }
  return out;
}

function closingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let j = open; j < glob.length; j++) {
    if (glob[j] === '{') depth++;
    else if (glob[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < body.length; j++) {
    if (body[j] === '{') depth++;
    else if (body[j] === '}') depth--;
    else if (body[j] === ',' && depth === 0) {
      parts.push(body.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
