/**
 * Entity expansion and external entities in every reader of untrusted markup: feeds, WordPress
 * exports, article pages, pasted embeds, and the Atom answers of a blog service. A DTD may
 * declare a billion laughs, a file on this machine, a URL on this machine and an external DTD;
 * no reader expands a declared entity, reads the file or requests the URL, and each stays fast.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAtomEntry } from '../../src/blog/atom-entry.js';
import {
  extractArticle,
  extractBlogArchive,
  extractEmbeds,
  extractFeed,
  importBytes,
} from '../../src/ingest/index.js';
import { startTestServer } from '../fixtures/ingest/test-server.js';

/** What the secret file holds: must never appear in anything a reader returns. */
const SECRET = 'kirinuki-secret-4f1c9a';
let dir = '';
let server: Awaited<ReturnType<typeof startTestServer>>;
let dtd = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-xxe-'));
  const file = join(dir, 'secret.txt');
  writeFileSync(file, SECRET);
  server = await startTestServer({
    '/entity': (_req, res) => res.end(SECRET),
    '/evil.dtd': (_req, res) => res.end(`<!ENTITY remote "${SECRET}">`),
  });
  // Ten levels of ten: &lol9; would be 10^9 "lol"s, 3 GB, were it expanded.
  const laughs = Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
  ).join('\n');
  dtd = `<!DOCTYPE root [
<!ENTITY lol "lol">
${laughs}
<!ENTITY file SYSTEM "${pathToFileURL(file).href}">
<!ENTITY web SYSTEM "${server.base}/entity">
<!ENTITY % ext SYSTEM "${server.base}/evil.dtd">
%ext;
]>`;
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

const USES = '&lol9; &file; &web; &remote;';

/** Each reader on a document whose DTD declares the attack and whose text uses it. */
const readers: Record<string, () => unknown> = {
  feed: () =>
    extractFeed(
      `<?xml version="1.0"?>${dtd}<rss version="2.0"><channel><title>t ${USES}</title><link>https://e.example/</link><item><title>${USES}</title><link>https://e.example/1</link><description>${USES}</description></item></channel></rss>`,
      'f.xml',
    ),
  'atom feed': () =>
    extractFeed(
      `<?xml version="1.0"?>${dtd}<feed xmlns="http://www.w3.org/2005/Atom"><id>i</id><title>${USES}</title><updated>2024-01-01T00:00:00Z</updated><entry><id>e</id><title>${USES}</title><updated>2024-01-01T00:00:00Z</updated><content>${USES}</content></entry></feed>`,
      'a.xml',
    ),
  wxr: () =>
    extractBlogArchive(
      `<?xml version="1.0"?>${dtd}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>b</title><item><title>${USES}</title><link>https://b.example/1</link><pubDate>Mon, 04 Mar 2024 00:00:00 +0000</pubDate><content:encoded>${USES}</content:encoded><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item></channel></rss>`,
      'w.xml',
      'wxr',
    ),
  article: () =>
    extractArticle(
      `${dtd}<html><head><title>${USES}</title></head><body><article><h1>${USES}</h1><p>${'本文です。'.repeat(40)} ${USES}</p></article></body></html>`,
      'https://a.example/1',
    ),
  embed: () =>
    extractEmbeds(
      `${dtd}<blockquote class="twitter-tweet"><p lang="ja">${USES}</p>— 名前 (@handle) <a href="https://twitter.com/handle/status/1">March 4, 2024</a></blockquote>`,
      'paste.html',
    ),
  'blog answer (Atom entry)': () =>
    readAtomEntry(
      `<?xml version="1.0"?><entry xmlns="http://www.w3.org/2005/Atom"><title>${USES}</title><id>x</id><content>${USES}</content></entry>`.replace(
        '<entry',
        `${dtd}<entry`,
      ),
    ),
  'import of an XML file': () =>
    importBytes(
      'f.xml',
      Buffer.from(
        `<?xml version="1.0"?>${dtd}<rss version="2.0"><channel><title>t</title><item><title>${USES}</title><link>https://e.example/1</link></item></channel></rss>`,
      ),
    ),
};

describe('declared entities are never expanded, external ones never read', () => {
  it.each(Object.keys(readers))('%s', (name) => {
    const read = readers[name];
    if (read === undefined) throw new Error(name);
    const started = performance.now();
    const result = JSON.stringify(read() ?? null);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result).not.toContain(SECRET);
    expect(result).not.toMatch(/(?:lol){4}/);
    expect(result.length).toBeLessThan(20_000);
    expect(server.hits.get('/entity') ?? 0).toBe(0);
    expect(server.hits.get('/evil.dtd') ?? 0).toBe(0);
  });

  it('the readers that accept the document keep the references as written', () => {
    // A reader that resolved &file; or dropped every reference would not show them. A blog's
    // answer that brings a DTD is not read at all: the client reports it as unreadable.
    expect(readers['blog answer (Atom entry)']?.()).toBeNull();
    for (const name of ['feed', 'atom feed', 'wxr', 'article', 'embed', 'import of an XML file']) {
      const result = JSON.stringify(readers[name]?.());
      expect(result, name).toContain('&lol9;');
      expect(result, name).toContain('&file;');
    }
  });
});
