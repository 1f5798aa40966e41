import { InvalidArgumentError } from '../core/base-errors.js';

/**
 * Checks one Graph node id (flow, WABA, phone number) and returns it as a path segment.
 * Graph ids are digits; we also accept letters, `_`, `-` and `.` (placeholders in docs, local emulators),
 * but never `/`, `?`, `#` or spaces, which would silently change the request.
 */
export function nodeId(label: string, value: unknown, hint?: string): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new InvalidArgumentError(`${label} must be a string of digits; got the number ${value}, which is not a safe integer (pass the id as a string).`);
    }
    return String(value);
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(`${label} is required and must be a non-empty string${hint ? `; ${hint}` : ''}.`);
  }
  const id = value.trim();
  // `.` and `..` alone would be normalised away by URL parsing and silently change the request.
  if (!/^[A-Za-z0-9_.-]+$/.test(id) || /^\.+$/.test(id)) {
    throw new InvalidArgumentError(`${label} ${JSON.stringify(id)} is not a valid Graph id: use only digits (letters, "_", "-" and "." are tolerated).`);
  }
  return id;
}

/** Joins checked segments into a path: `graphPath('123', 'assets')` → `/123/assets`. */
export function graphPath(...segments: string[]): string {
  return '/' + segments.map(encodeURIComponent).join('/');
}
