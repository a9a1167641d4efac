/**
 * Dev only: the real `kirinuki serve` over a fresh archive of the bundled samples, for looking
 * at the UI by hand. Build the UI first (`npm run build`, or `npx vite build -c web/vite.config.ts`).
 *
 *   npx tsx web/dev/serve-samples.ts [PORT]      # then open the link it prints
 *
 * Each run starts from an empty archive in a temporary folder, so the inbox can be worked
 * through again.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processIo, run } from '../../src/cli/index.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
const port = process.argv[2] ?? '8080';
const db = join(mkdtempSync(join(tmpdir(), 'kirinuki-web-')), 'archive.db');
const files = readdirSync(samples)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => join(samples, name));

const io = processIo();
const imported = await run(['--db', db, 'import', ...files], io);
if (imported !== 0) process.exit(imported);
await run(['--db', db, 'tags', 'import', join(samples, 'taxonomy.json')], io);
process.exitCode = await run(['--db', db, 'serve', '--port', port], io);
