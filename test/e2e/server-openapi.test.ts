/**
 * docs/openapi.json: what scripts/write-openapi.ts writes from the routes' schemas, and what a
 * running server serves at /openapi.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiDocumentText } from '../../src/server/index.js';
import { ROOT, startTestServer } from './server-harness.js';

const committed = readFileSync(join(ROOT, 'docs/openapi.json'), 'utf8');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

interface Operation {
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

describe('docs/openapi.json', () => {
  it('is up to date: run `npx tsx scripts/write-openapi.ts` after changing a route', () => {
    expect(committed).toBe(apiDocumentText(version));
  });

  it('is what a running server serves at /openapi.json', async () => {
    const s = await startTestServer({ samples: false, version });
    try {
      expect(await (await s.get('/openapi.json')).json()).toEqual(JSON.parse(committed));
    } finally {
      await s.close();
    }
  });

  it('documents the session token on every state-changing operation, and a 400 for each body', () => {
    const doc = JSON.parse(committed) as { paths: Record<string, Record<string, Operation>> };
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        if (method === 'get') expect(op.security, where).toBeUndefined();
        else expect(op.security, where).toEqual([{ sessionToken: [] }]);
        if (op.requestBody !== undefined) expect(Object.keys(op.responses), where).toContain('400');
      }
  });
});
