// Writes the CommonJS entry of each subpath built as an ES module only (ESM_ONLY in tsup.config.ts: the emulator and
// the previewer): dist/<entry>.cjs require()s dist/<entry>.js, so the code ships once. Node 20.19+ and 22.12+ load an
// ES module from require() and return its namespace (the same objects an `import` gets, so the two formats share one
// copy); elsewhere (older Node; Jest's own module loader before Jest 30 on Node 24.9) the wrapper throws an error
// saying what to do instead. Run by `npm run build` after tsup; an entry whose .cjs tsup wrote is left alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

const wrapper = (subpath, esmFile) => `'use strict';
// ${subpath} is built as an ES module only; this CommonJS entry loads it (scripts/cjs-wrappers.mjs).
try {
  module.exports = require(${JSON.stringify(esmFile)});
} catch (error) {
  if (error && (error.code === 'ERR_REQUIRE_ESM' || error.code === 'ERR_REQUIRE_ASYNC_MODULE' || error instanceof SyntaxError)) {
    throw new Error(
      ${JSON.stringify(`${subpath} is an ES module: require() of it needs Node 20.19+ or 22.12+ (under Jest: Jest 30 on Node 24.9+, or Jest's ESM mode). Load it with import('${subpath}') instead${subpath.endsWith('/emulator') ? ', or start the emulator with `npx meta-cloud-api emulator`' : ''}.`)},
      { cause: error },
    );
  }
  throw error;
}
`;

let written = 0;
for (const [key, target] of Object.entries(pkg.exports)) {
  const cjs = target?.require?.default;
  const esm = target?.import?.default;
  if (typeof cjs !== 'string' || typeof esm !== 'string' || existsSync(`${root}${cjs}`)) continue;
  if (!existsSync(`${root}${esm}`)) throw new Error(`cjs-wrappers: neither ${cjs} nor ${esm} was built for "${key}".`);
  const subpath = `${pkg.name}${key.slice(1)}`;
  const relative = `./${esm.split('/').pop()}`;
  if (cjs.split('/').slice(0, -1).join('/') !== esm.split('/').slice(0, -1).join('/')) throw new Error(`cjs-wrappers: ${cjs} and ${esm} must share a folder.`);
  writeFileSync(`${root}${cjs}`, wrapper(subpath, relative));
  written++;
}
if (written === 0) throw new Error('cjs-wrappers: no ES-module-only entry found; remove this step or ESM_ONLY in tsup.config.ts');
