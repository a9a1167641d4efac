import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentEntries } from '../../model/index.js';
import { parseClipDocument } from './parse-clip-document.js';
import { renderClipDocument } from './render-clip-document.js';
import { clipLines } from '../../../scripts/fuzz/targets/clip-document.js';

const examplePath = fileURLToPath(
  new URL('../../../../shared/examples/000_dfec5c4496ff07cd.txt', import.meta.url),
);

const roundTrips = (text: string): boolean =>
  renderClipDocument(parseClipDocument(text).document) === text;

describe.skipIf(!existsSync(examplePath))('the real example digest', () => {
  const text = existsSync(examplePath) ? readFileSync(examplePath, 'utf8') : '';
  const { document, diagnostics } = parseClipDocument(text);
  const entries = documentEntries(document);

  it('round-trips byte for byte with no warnings', () => {
    expect(renderClipDocument(document)).toBe(text);
    expect(diagnostics).toEqual([]);
  });

  it('finds 15 entries and 22 summary lines', () => {
    expect(entries).toHaveLength(15);
    expect(entries.flatMap((e) => e.summaries)).toHaveLength(22);
    expect(new Set(entries.map((e) => e.id)).size).toBe(15);
  });

  it('reads handles and dates from the attribution lines', () => {
    const handles = new Set(entries.map((e) => e.post?.handle));
    expect(handles).toEqual(new Set(['cnn_co_jp', 'ReutersJapan', 'Reloaded7701', 'nhk_news']));
    expect(entries[0]?.post?.date).toBe('2024-01-18');
    expect(entries[2]?.post?.date).toBe('2024-01-17');
  });

  it('tells a post’s repeated full text from an article body', () => {
    const kinds = entries.map((e) => `${e.post?.handle}:${e.bodyKind}`);
    expect(
      kinds.filter((k) => k.startsWith('Reloaded7701')).every((k) => k.endsWith('fullText')),
    ).toBe(true);
    expect(
      kinds.filter((k) => !k.startsWith('Reloaded7701')).every((k) => k.endsWith('article')),
    ).toBe(true);
  });

  it('keeps glued links, trailing hashtags and truncation', () => {
    const nhk = entries.find((e) => e.post?.handle === 'nhk_news');
    expect(nhk?.post?.links[0]).toMatch(/^https:\/\/t\.co\//);
    expect(nhk?.post?.hashtags).toEqual(['nhk_news']);
    expect(nhk?.post?.text).not.toContain('https://');
    expect(entries.filter((e) => e.post?.truncated).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps document tag lines apart from entries', () => {
    const tags = document.parts.flatMap((p) => (p.kind === 'tags' ? p.line.tags : []));
    expect(tags).toEqual(['NATOexpansion', '反ロシア', '対中露戦']);
  });
});

const post = (text: string, handle = 'kyodo_test'): string =>
  `${text} https://t.co/Ab12Cd34Ef\n— 共同テスト (@${handle}) March 4, 2024`;

describe('parseClipDocument on pasted input', () => {
  it('accepts CRLF, a BOM and full-width parentheses', () => {
    const text = `\uFEFF${post('停戦案を協議')}\r\n本文です。\r\n#ウクライナ和平交渉（停戦案・外相「協議を続ける」）\r\n`;
    const { document } = parseClipDocument(text);
    const [entry] = documentEntries(document);
    expect(document.layout).toMatchObject({ bom: true, eol: '\r\n', finalNewline: true });
    expect(entry?.summaries[0]?.tag).toBe('ウクライナ和平交渉');
    expect(entry?.summaries[0]?.segments[1]).toMatchObject({ speaker: '外相' });
    expect(renderClipDocument(document)).toBe(text);
  });

  it('handles an entry with no body and one whose body has no summary line', () => {
    const text = [
      post('一つ目'),
      '#露朝(会談)',
      post('二つ目', 'b'),
      '本文だけ',
      post('三つ目', 'c'),
    ].join('\n');
    const entries = documentEntries(parseClipDocument(text).document);
    expect(entries.map((e) => e.body.length)).toEqual([0, 1, 0]);
    expect(entries.map((e) => e.summaries.length)).toEqual([1, 0, 0]);
  });

  it('keeps an unparseable block verbatim and names its line', () => {
    const text = [
      post('一つ目'),
      '#露朝(会談)',
      '',
      'メモ：あとで確認',
      'もう一行',
      '',
      post('二つ目', 'b'),
    ].join('\n');
    const { document, diagnostics } = parseClipDocument(text, { file: 'day.txt' });
    expect(document.parts.map((p) => p.kind)).toEqual(['entry', 'blank', 'raw', 'blank', 'entry']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'day.txt', line: 5, severity: 'warning' });
    expect(diagnostics[0]?.message).toMatch(/^format: /);
    expect(renderClipDocument(document)).toBe(text);
  });

  it('reports an attribution whose date does not exist, and keeps it as text', () => {
    const text = '本文\n— 誰か (@someone) February 30, 2024\n#ロシア(抗議)';
    const { document, diagnostics } = parseClipDocument(text);
    expect(documentEntries(document)[0]?.post).toBeNull();
    expect(diagnostics[0]?.line).toBe(2);
  });

  it('attaches summary lines without a post to the preceding entry', () => {
    const text = [post('発言'), '本文', '#NATO(会合)', '#ウクライナ軍事支援(供与)'].join('\n');
    const entries = documentEntries(parseClipDocument(text).document);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.summaries.map((s) => s.tag)).toEqual(['NATO', 'ウクライナ軍事支援']);
  });

  it('gives the same id to the same post parsed twice, different ids to different posts', () => {
    const a = documentEntries(parseClipDocument(post('同じ')).document)[0]?.id;
    const b = documentEntries(parseClipDocument(`\n${post('同じ')}\n`).document)[0]?.id;
    const c = documentEntries(parseClipDocument(post('同じ', 'other')).document)[0]?.id;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

// Lines that exercise every classifier branch, glued in random order with random line endings:
// the fuzzer's arbitrary (scripts/fuzz), which `npm run fuzz` also mutates.
const docArb = clipLines;

describe('round trip on any input', () => {
  it('render(parse(x)) === x for structured random documents', () => {
    fc.assert(fc.property(docArb, roundTrips), { numRuns: 500 });
  });

  it('render(parse(x)) === x for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), roundTrips), { numRuns: 500 });
  });

  it('every line of the input lands in exactly one part', () => {
    fc.assert(
      fc.property(docArb, (text) => {
        const { document } = parseClipDocument(text);
        const entries = documentEntries(document);
        return entries.every((e) => e.post !== null || e.summaries.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
