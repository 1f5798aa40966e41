#!/usr/bin/env node
import { createRequire } from 'node:module';
import { main } from './cli.js';
import { nodeIO } from './io.js';

// The only place that sets the process's exit code.
const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
process.exitCode = await main(process.argv.slice(2), nodeIO(), version);
