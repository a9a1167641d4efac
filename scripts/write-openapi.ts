/**
 * Writes `docs/openapi.json`, the OpenAPI 3.1 document of the workbench API (`kirinuki serve`),
 * from the routes' zod schemas in src/server. Run it after changing a route or schema:
 * `npx tsx scripts/write-openapi.ts`; `test/e2e/server-openapi.test.ts` fails while the
 * committed file differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiDocumentText } from '../src/server/index.js';

const root = new URL('..', import.meta.url);
const target = fileURLToPath(new URL('docs/openapi.json', root));
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  version: string;
};
writeFileSync(target, apiDocumentText(version));
console.log(`wrote ${target}`);
