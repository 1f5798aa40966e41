import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { isGlob, matchesGlob, splitGlob } from './glob.js';
import { CommandError } from './errors.js';

/** One thing to validate: a file, or standard input (`-`, named `<stdin>`). */
export interface Input {
  name: string;
  stdin?: boolean;
}

export interface ResolveOptions {
  /** Globs a directory's files must match (default `**\/*.json`); a file matching one given here is validated even if it does not look like Flow JSON. */
  include?: readonly string[];
  /** Globs of files (and directories) to leave out of directory walks and glob expansions. */
  ignore?: readonly string[];
}

/** Where the inputs live, for `--watch`: every directory that was walked or holds a named file. */
export interface Resolved {
  inputs: Input[];
  directories: string[];
}

/**
 * Turns `validate`'s arguments into files, in argument order, without duplicates:
 * - `-`: standard input;
 * - an existing file: that file, whatever its name (the user named it);
 * - a glob (`flows/*.json`, `'**\/*.flow.json'`, `{a,b}.json`): expanded here, so quoting it changes nothing;
 * - a directory: the `.json` files below it that look like Flow JSON (a top-level `screens` array, or a
 *   `*.flow.json` name), skipping `node_modules` and dot directories, so `package.json` is not taken for a flow.
 */
export async function resolveInputs(args: readonly string[], options: ResolveOptions = {}): Promise<Resolved> {
  const inputs: Input[] = [];
  const directories = new Set<string>();
  const seen = new Set<string>();
  const add = (name: string) => {
    if (seen.has(name)) return;
    inputs.push({ name });
    seen.add(name);
  };
  const ignored = (path: string, root: string) => (options.ignore ?? []).some((g) => globHits(g, path, root));
  for (const arg of args) {
    if (arg === '-') {
      if (!seen.has('-')) inputs.push({ name: '<stdin>', stdin: true });
      seen.add('-');
      continue;
    }
    const info = await stat(arg).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' && isGlob(arg) ? undefined : Promise.reject(error)));
    if (info?.isFile()) {
      add(arg);
      directories.add(parentOf(arg));
    } else if (info?.isDirectory()) {
      directories.add(arg);
      for (const file of await walk(arg, directories)) {
        if (ignored(file, arg)) continue;
        const explicit = (options.include ?? []).some((g) => globHits(g, file, arg));
        if (options.include?.length ? explicit : file.endsWith('.json')) {
          if (explicit || (await looksLikeFlowJson(file))) add(file);
        }
      }
    } else if (info) {
      throw new CommandError(`${arg} is neither a file nor a directory.`);
    } else {
      const { base, rest } = splitGlob(arg);
      const files = await walk(base, directories).catch(() => [] as string[]);
      const matches = files.filter((f) => matchesGlob(rest, toPosix(relative(base, f))) && !ignored(f, base));
      if (matches.length === 0) throw new CommandError(`No files match ${arg}.`);
      matches.forEach(add);
    }
  }
  return { inputs, directories: [...directories] };
}

/** A file looks like Flow JSON when its top level has a `screens` array, or its name ends in `.flow.json`. */
export async function looksLikeFlowJson(file: string): Promise<boolean> {
  if (file.endsWith('.flow.json')) return true;
  const text = await readFile(file, 'utf8').catch(() => '');
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && Array.isArray((value as { screens?: unknown }).screens);
  } catch {
    // Broken JSON cannot say what it is; a "screens": [ in it means a flow being written, so report on it.
    return /"screens"\s*:\s*\[/.test(text);
  }
}

/** Every file below `dir` (sorted, recursively), skipping node_modules and dot directories. */
async function walk(dir: string, directories: Set<string>): Promise<string[]> {
  const out: string[] = [];
  directories.add(dir);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const child = dir === '.' ? entry.name : join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...(await walk(child, directories)));
    } else if (entry.isFile()) out.push(child);
  }
  return out;
}

/** A pattern without `/` matches a file's name at any depth; one with `/` matches its path from the walked directory or as given. */
function globHits(pattern: string, file: string, root: string): boolean {
  if (!pattern.includes('/')) return matchesGlob(pattern, basename(file));
  return matchesGlob(pattern, toPosix(relative(root, file))) || matchesGlob(pattern.replace(/^\.\//, ''), toPosix(file).replace(/^\.\//, ''));
}

const toPosix = (p: string) => p.replace(/\\/g, '/');
const parentOf = (file: string) => {
  const dir = join(file, '..');
  return dir === '' ? '.' : dir;
};
