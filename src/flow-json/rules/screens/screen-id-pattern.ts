import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';

/**
 * Letters and underscores only. (Meta's Flow Builder pattern `^[a-zA-Z,_]+$` also lets commas through; the
 * catalogue's message and every documented rule say letters and underscores, which is what is checked.)
 */
const SCREEN_ID = /^[A-Za-z_]+$/;

/** Screen ids are non-empty and made of letters and underscores (flows-platform §2.3, §2.12). */
export const screenIdPatternRule = defineRule({
  id: 'flow-json/screen-id-pattern',
  description: 'Screen ids are non-empty and consist only of letters and underscores.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.3, §2.12 PATTERN_MISMATCH "should only consist of alphabets and underscores"',
  check(ctx) {
    const findings: Finding[] = [];
    for (const screen of ctx.model.screens) {
      if (screen.id === undefined) continue; // missing or not a string: screen-keys reports it
      const path = [...screen.path, 'id'];
      if (screen.id.length === 0) {
        findings.push({ code: 'MIN_CHARS_REQUIRED', message: "Property 'id' should have at least '1' character.", path });
      } else if (!SCREEN_ID.test(screen.id)) {
        findings.push({ code: 'PATTERN_MISMATCH', message: 'Property id should only consist of alphabets and underscores.', path });
      }
    }
    return findings;
  },
});
