/** A multipart field: text, or a file part with its file name and content type. */
export type FormValue = string | { file: Blob; filename: string };
export type FormFields = Record<string, FormValue | undefined>;

/**
 * Builds a fresh FormData for each attempt (a FormData body cannot be replayed after it was sent).
 * Fields whose value is `undefined` are left out.
 */
export function toFormData(fields: FormFields): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string') form.append(key, value);
    else form.append(key, value.file, value.filename);
  }
  return form;
}
