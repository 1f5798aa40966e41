/** Removes secrets (access token, app secret and values derived from them) from text that may reach a user. */
export type Redactor = (text: string) => string;

const PLACEHOLDER = '[REDACTED]';
const PATTERNS: RegExp[] = [
  /(access_token=)[^&\s"']+/gi,
  /(appsecret_proof=)[^&\s"']+/gi,
  /(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
];

/** Shortest piece of a secret that is redacted on its own (shorter runs match ordinary text too easily). */
const MIN_PIECE = 8;
const RUN = new RegExp(`[A-Za-z0-9._~+/=-]{${MIN_PIECE},}`, 'g');

export function createRedactor(secrets: Array<string | undefined>): Redactor {
  // Longest first, so a secret that contains another is removed whole.
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4).sort((a, b) => b.length - a.length);
  const pieceable = known.filter((s) => s.length >= MIN_PIECE);
  return (text: string) => {
    let out = text;
    for (const s of known) out = out.split(s).join(PLACEHOLDER);
    for (const p of PATTERNS) out = out.replace(p, `$1${PLACEHOLDER}`);
    // A piece of a secret (a server that cut or split it) goes too: any run of token characters, 8 or more long,
    // found inside a known secret.
    if (pieceable.length > 0) out = out.replace(RUN, (run) => (pieceable.some((s) => s.includes(run)) ? PLACEHOLDER : run));
    return out;
  };
}

/** Applies a redactor to every string inside a JSON-like value. */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty: a `__proto__` key from a parsed body stays a plain key (assignment would set the prototype).
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: redactDeep(v, redact), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}
