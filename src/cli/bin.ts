#!/usr/bin/env node
import { createRequire } from 'node:module';
import { main } from './cli.js';
import { nodeIO } from './io.js';
import { closedOutput } from './output.js';

// A reader that closes early (`| head -1`) ends the output quietly, not with an EPIPE stack (see output.ts).
void closedOutput(process.stdout);
void closedOutput(process.stderr);

// The only place that sets the process's exit code.
const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
process.exitCode = await main(process.argv.slice(2), nodeIO(), version);
