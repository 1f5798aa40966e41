/**
 * Child process for durability.test.ts (bundled with esbuild, run with plain Node):
 * `node emulator-child.mjs <dataDir>` starts the emulator on 127.0.0.1, port 0, with that data directory and
 * prints `listening <url>`; when the data cannot be loaded it prints `error <json>` and exits with code 3.
 */
import { createEmulator } from '../../../src/emulator/index.js';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: emulator-child.mjs <dataDir>\n');
  process.exit(2);
}
const emulator = createEmulator({ dataDir });
try {
  const server = await emulator.listen({ port: 0 });
  process.stdout.write(`listening ${server.url}\n`);
} catch (error) {
  const { name, message } = error as Error;
  process.stdout.write(`error ${JSON.stringify({ name, message })}\n`);
  process.exit(3);
}
