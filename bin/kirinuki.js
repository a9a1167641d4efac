#!/usr/bin/env node
// The bin is a few lines: all behaviour lives in `run(argv, io)` so tests call it directly.
// It runs the esbuild bundle of the CLI (scripts/build-cli.ts, a few files to load instead of a
// few hundred) when the build made one, and the plain `tsc` output otherwise.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const bundle = new URL('../dist/bundle/cli/kirinuki.mjs', import.meta.url);
const { run, processIo } = existsSync(bundle)
  ? await import(bundle.href)
  : await import('../dist/cli/index.js');

process.exitCode = await run(process.argv.slice(2), processIo());
