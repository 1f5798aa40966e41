import type { InputFailure } from '../errors.js';
import { toSimulatedFile, type SimulatedFile } from '../media.js';
import { failure, numberProp, show, type FieldContext } from './context.js';

/**
 * What the client accepts in PhotoPicker and DocumentPicker (flows-platform §2.10): at most
 * `max-uploaded-photos` / `max-uploaded-documents` files (default 30), at least the `min-…` (default 0, checked on
 * submit), each at most `max-file-size-kb` (default 25600), documents of an `allowed-mime-types` type.
 */

const DEFAULT_MAX_FILES = 30;
const DEFAULT_MAX_KB = 25_600;

/** The files of a picker value (one file or an array), or a failure. */
export function toFiles(ctx: FieldContext, value: unknown): { files: SimulatedFile[] } | { failures: InputFailure[] } {
  const list = Array.isArray(value) ? value : [value];
  const files = list.map(toSimulatedFile);
  if (files.some((f) => f === undefined)) {
    return { failures: [failure(ctx, 'value-type', `expects files: file names or { file_name, mime_type?, size? }; got ${show(value)}`)] };
  }
  return { files: files as SimulatedFile[] };
}

/** The `min-…` and `max-…` numbers of files of a picker. */
export function fileLimits(ctx: Pick<FieldContext, 'node' | 'props'>): { min: number; max: number } {
  const noun = ctx.node.type === 'PhotoPicker' ? 'photos' : 'documents';
  return { min: numberProp(ctx.props, `min-uploaded-${noun}`) ?? 0, max: numberProp(ctx.props, `max-uploaded-${noun}`) ?? DEFAULT_MAX_FILES };
}

/** Every rule the picked files break; `final` adds the minimum number of files (submit). */
export function checkFiles(ctx: FieldContext, files: SimulatedFile[], final: boolean): InputFailure[] {
  const out: InputFailure[] = [];
  const { min, max } = fileLimits(ctx);
  if (files.length > max) out.push(failure(ctx, 'max-uploaded', `${files.length} files; at most ${max} are allowed`));
  if (final && files.length < min) out.push(failure(ctx, min > 0 && files.length === 0 ? 'required' : 'min-uploaded', `${files.length} files; at least ${min} are needed`));
  const maxKb = numberProp(ctx.props, 'max-file-size-kb') ?? DEFAULT_MAX_KB;
  for (const f of files) {
    if (f.size > maxKb * 1024) out.push(failure(ctx, 'max-file-size-kb', `${f.file_name} has ${Math.ceil(f.size / 1024)} KB; at most ${maxKb} KB are allowed`));
  }
  const allowed = ctx.props['allowed-mime-types'];
  if (ctx.node.type === 'DocumentPicker' && Array.isArray(allowed) && allowed.length > 0) {
    for (const f of files) {
      if (!allowed.includes(f.mime_type)) out.push(failure(ctx, 'allowed-mime-types', `${f.file_name} is ${f.mime_type}; allowed: ${allowed.join(', ')}`));
    }
  }
  return out;
}
