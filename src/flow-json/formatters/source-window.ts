/** The part of one source line a report shows, and where its caret goes. */
export interface SourceWindow {
  /** The excerpt, tabs as spaces, `…` where the line was cut. */
  text: string;
  /** Spaces before the first caret. */
  caretOffset: number;
  /** Carets (at least 1). */
  caretWidth: number;
}

/**
 * A window of at most `width` characters of `line` around the 1-based range [`columnStart`, `columnEnd`) (columns
 * count UTF-16 code units, like the diagnostics), so the caret lands under the right character on any line,
 * however long (minified JSON is one line). Short lines are shown whole.
 */
export function sourceWindow(line: string, columnStart: number, columnEnd: number, width = 120): SourceWindow {
  const flat = line.replace(/\t/g, ' ');
  const start = Math.min(Math.max(0, columnStart - 1), flat.length);
  const rangeWidth = Math.max(1, columnEnd - columnStart);
  if (flat.length <= width) {
    return { text: flat, caretOffset: start, caretWidth: Math.max(1, Math.min(rangeWidth, flat.length - start)) };
  }
  // Keep about a third of the window before the range, so what leads to the error is visible too.
  const room = Math.max(10, width - 2);
  let from = Math.max(0, start - Math.floor(room / 3));
  const to = Math.min(flat.length, from + room);
  from = Math.max(0, to - room);
  const head = from > 0 ? '…' : '';
  const tail = to < flat.length ? '…' : '';
  return {
    text: head + flat.slice(from, to) + tail,
    caretOffset: head.length + (start - from),
    caretWidth: Math.max(1, Math.min(rangeWidth, to - start)),
  };
}
