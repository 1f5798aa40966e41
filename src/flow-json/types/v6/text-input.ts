/** Flow JSON 6.2: TextInput gains `pattern`. */
import type { TextInputV4_0 } from '../v4/inputs.js';

/**
 * `pattern` (≥ 6.2): a regular expression without slashes, e.g. `"^[A-Z]{3}$"`. Only with `input-type`
 * `text` (the default), `number`, `password` or `passcode` (number and passcode keep their own base
 * pattern too), and `helper-text` becomes mandatory.
 */
export type TextInputPatternV6_2 =
  | {
      pattern?: never;
    }
  | {
      pattern: string;
      'helper-text': string;
      'input-type'?: 'text' | 'number' | 'password' | 'passcode';
    };

/**
 * `TextInput` (6.2 shape). Limits: `label` **20** chars, `helper-text` **80**, `error-message` **30**,
 * `max-chars` default **80**.
 */
export type TextInputV6_2 = TextInputV4_0 & TextInputPatternV6_2;
