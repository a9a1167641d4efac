/**
 * Writes `docs/digest.schema.json`, the JSON Schema of `kirinuki digest --format json`, from its
 * zod schema (`DigestJsonSchema` in src/publish/json.ts). Run it after changing the schema:
 * `npx tsx scripts/write-digest-schema.ts`; `src/publish/json.test.ts` fails while the committed
 * file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { digestJsonSchemaText } from '../src/publish/index.js';

const target = fileURLToPath(new URL('../docs/digest.schema.json', import.meta.url));
writeFileSync(target, digestJsonSchemaText());
console.log(`wrote ${target}`);
