// Writes the ESM type entries (dist/<entry>.d.ts) as stubs over the one bundled declaration set, the CommonJS
// build's .d.cts files. Run by `npm run build` after tsup.
//
// Why: tsup built declarations once per format, so every declaration (the large shared chunks included) was shipped
// twice, as .d.ts and .d.cts: about 110 KB gzipped of the tarball (issue 12). Twice-declared classes with private
// members were also two distinct types: a value typed by one copy was not assignable where the other was expected.
// Now tsup emits declarations for the CommonJS build only, and each `import` condition's `types` in the `exports` map
// points at a stub that re-exports the .d.cts: `./index.cjs` in an import specifier resolves to `./index.d.cts`.
//
// `export *` never re-exports a default export, and under nodenext an ES module importing a CommonJS module's
// `default` gets the whole `module.exports`, not its `default` property. So a stub re-exports an entry's default by
// the name under which the entry also exports it: `import { WhatsApp } from './index.cjs'; export default WhatsApp;`
// (the value and the class type, as the ESM build's `export default` gives them). An entry whose default has no
// other exported name, or that uses `export =`, fails the build: its stub could not be written faithfully.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every ESM types entry of the `exports` map with the .d.cts it stubs: each condition object holding both
 * `import.types` (a .d.ts) and `require.types` (the .d.cts beside it). Returns [{ stub, target }] as package paths.
 */
export function typeEntries(pkg) {
  const entries = new Map();
  const visit = (conditions, subpath) => {
    if (conditions === null || typeof conditions !== 'object') return;
    const esm = conditions.import?.types;
    const cjs = conditions.require?.types;
    if (esm !== undefined || cjs !== undefined) {
      if (typeof esm !== 'string' || typeof cjs !== 'string' || !esm.endsWith('.d.ts') || cjs !== esm.replace(/\.d\.ts$/, '.d.cts')) {
        throw new Error(`exports["${subpath}"]: expected import.types ./x.d.ts beside require.types ./x.d.cts, got ${esm} and ${cjs}`);
      }
      entries.set(esm, cjs);
    }
    for (const [key, value] of Object.entries(conditions)) if (key !== 'import' && key !== 'require') visit(value, subpath);
  };
  for (const [subpath, conditions] of Object.entries(pkg.exports)) visit(conditions, subpath);
  return [...entries].map(([stub, target]) => ({ stub, target }));
}

/**
 * The export list of a bundled declaration file: `named` maps each exported name to its local name; `defaultLocal`
 * is the local name exported as `default` (or undefined). Throws on what a stub could not re-export.
 */
export function exportsOf(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const named = new Map();
  let defaultLocal;
  const hasModifier = (node, kind) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) {
      throw new Error(`${fileName}: \`export ${statement.isExportEquals ? '=' : 'default'}\` is not supported by scripts/declaration-stubs.mjs`);
    }
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause)) continue; // `export *`
      const reexport = statement.moduleSpecifier !== undefined; // `export { x } from`: no local name to match
      for (const element of statement.exportClause.elements) {
        const exported = element.name.text;
        const local = (element.propertyName ?? element.name).text;
        if (exported === 'default' && reexport) {
          throw new Error(`${fileName}: a default re-exported from another module is not supported by scripts/declaration-stubs.mjs`);
        }
        if (exported === 'default') defaultLocal = local;
        else if (!reexport) named.set(exported, local);
      }
      continue;
    }
    if (hasModifier(statement, ts.SyntaxKind.ExportKeyword) && hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) {
      throw new Error(`${fileName}: an \`export default\` declaration is not supported by scripts/declaration-stubs.mjs`);
    }
  }
  return { named, defaultLocal };
}

/** The stub's text for a .d.cts (`target`, a file name in the same directory) with the given export list. */
export function stubText(target, { named, defaultLocal }, fileName = target) {
  const specifier = `./${basename(target).replace(/\.d\.cts$/, '.cjs')}`;
  const lines = [`export * from '${specifier}';`];
  if (defaultLocal !== undefined) {
    const alias = [...named].find(([, local]) => local === defaultLocal)?.[0];
    if (alias === undefined) {
      throw new Error(`${fileName}: the default export (${defaultLocal}) has no other exported name for the ESM stub to import`);
    }
    lines.push(`import { ${alias} } from '${specifier}';`, `export default ${alias};`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes every stub into `dir` (the package root); returns the stubs' package paths. */
export function writeDeclarationStubs(dir = root) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const written = [];
  for (const { stub, target } of typeEntries(pkg)) {
    const targetPath = join(dir, target);
    if (!existsSync(targetPath)) throw new Error(`${target} is missing: did tsup build the CommonJS declarations?`);
    const text = stubText(target, exportsOf(target, readFileSync(targetPath, 'utf8')));
    writeFileSync(join(dir, stub), text);
    written.push(stub);
  }
  if (written.length === 0) throw new Error('no types entry in the exports map of package.json');
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = writeDeclarationStubs();
  console.log(`declaration stubs: ${written.length} ESM type entries re-export the .d.cts declarations`);
}
