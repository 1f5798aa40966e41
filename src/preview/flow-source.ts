/**
 * The flow the preview shows: given text/object, or a file re-read when it changes (the page polls; a changed
 * modification time or size makes a new revision). Diagnostics come from the validator, the one that
 * `meta-cloud-api validate` runs.
 */
import { stat, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { validateFlowJson } from '../flow-json/validate.js';
import type { PreviewFlowState } from './page/config.js';

export class FlowSource {
  private state: PreviewFlowState;
  private stamp = '';

  constructor(initial: string, private readonly file: string | undefined) {
    this.state = describe(initial, file ? basename(file) : 'flow.json', 1);
  }

  /** The current flow; with a file, re-read first when it changed on disk. A file that cannot be read keeps the last good text. */
  async current(): Promise<PreviewFlowState> {
    if (this.file === undefined) return this.state;
    try {
      const info = await stat(this.file);
      const stamp = `${info.mtimeMs}:${info.size}`;
      if (stamp !== this.stamp) {
        const text = await readFile(this.file, 'utf8');
        this.stamp = stamp;
        if (text !== this.state.flowText) this.state = describe(text, this.state.fileName, this.state.revision + 1);
      }
    } catch {
      // the file is being replaced or is gone: keep showing the last version
    }
    return this.state;
  }
}

function describe(flowText: string, fileName: string, revision: number): PreviewFlowState {
  const { errors, warnings } = validateFlowJson(flowText);
  return { revision, fileName, flowText, diagnostics: [...errors, ...warnings].sort((a, b) => a.offset - b.offset) };
}
