/**
 * Assembles the component tree of a Flow JSON version ≥ 4.0 from its component sets, so that each version
 * file only lists which components (and which shapes of them) it has.
 *
 * Type parameters used below:
 * - `Standalone`: every component allowed directly in a layout (except Form, If and Switch), in its
 *   outside-a-Form shape (with `init-value` / `error-message`).
 * - `Branch`: the subset allowed in If/Switch branches (without Footer, If and Switch).
 * - `Footer`: the version's Footer.
 */
import type { TopLevelIf, TopLevelSwitch } from './conditional.js';
import type { Form, InForm } from './form.js';

/** Components allowed directly inside a Form (≥ 4.0). */
export type FormChildOf<Standalone, Branch, Footer> =
  | InForm<Standalone>
  | TopLevelIf<InForm<Branch>, Footer>
  | TopLevelSwitch<InForm<Branch>, Footer>;

/** Components allowed directly in a screen layout (≥ 4.0). */
export type LayoutChildOf<Standalone, Branch, Footer> =
  | Standalone
  | Form<FormChildOf<Standalone, Branch, Footer>>
  | TopLevelIf<Branch, Footer>
  | TopLevelSwitch<Branch, Footer>;
