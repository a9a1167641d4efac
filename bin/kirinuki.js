#!/usr/bin/env node
// The bin is a few lines: all behaviour lives in `run(argv, io)` so tests call it directly.
import { run, processIo } from '../dist/cli/index.js';

process.exitCode = await run(process.argv.slice(2), processIo());
