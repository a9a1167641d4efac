import { describe, expect, it } from 'vitest';
import { entryId } from '../shared/index.js';
import { extractPaste } from './index.js';

describe('extractPaste', () => {
  it('keeps any text as one plain entry, lines exact', () => {
    const r = extractPaste('\n\n  停戦交渉、来週再開へ \r\n関係者が明らかにした\n\n', 'clipboard');
    expect(r.entries).toEqual([
      {
        id: entryId({ text: '停戦交渉、来週再開へ\n関係者が明らかにした' }),
        post: null,
        bodyKind: 'article',
        body: ['  停戦交渉、来週再開へ ', '関係者が明らかにした'],
        summaries: [],
        origin: { kind: 'paste' },
      },
    ]);
  });
  it('uses a lone URL as origin and id', () => {
    expect(extractPaste('https://example.jp/a?utm_source=x', 'p').entries[0]).toMatchObject({
      id: entryId({ url: 'https://example.jp/a' }),
      origin: { kind: 'paste', url: 'https://example.jp/a' },
    });
  });
  it('never rejects: empty gives an info, binary and huge input are kept', () => {
    expect(extractPaste('  \n', 'p')).toMatchObject({
      entries: [],
      diagnostics: [{ severity: 'info' }],
    });
    expect(extractPaste('\u0000\u0001\ufffd', 'p').entries).toHaveLength(1);
    const huge = extractPaste('あ\n'.repeat(200_000), 'p');
    expect(huge.entries.flatMap((e) => e.body)).toHaveLength(200_000);
    // Its parts hold the same lines, yet each is its own entry: none may be merged away.
    expect(new Set(huge.entries.map((e) => e.id)).size).toBe(huge.entries.length);
  });
  it('files a paste longer than a part as consecutive parts, losing nothing, and says so', () => {
    const line = '停戦交渉は来週再開される見通しだと関係者が明らかにした。';
    const text = `${line}\n`.repeat(1_000); // 29,000 characters
    const r = extractPaste(text, 'p', { maxPartChars: 10_000 });
    expect(r.entries.length).toBe(3);
    expect(r.entries.map((e) => e.origin?.title)).toEqual([
      'part 1 of 3',
      'part 2 of 3',
      'part 3 of 3',
    ]);
    expect(r.entries.flatMap((e) => e.body)).toEqual(Array<string>(1_000).fill(line));
    for (const e of r.entries) expect(e.body.join('\n').length).toBeLessThanOrEqual(10_000);
    expect(r.diagnostics).toMatchObject([{ severity: 'info' }]);
    expect(r.diagnostics[0]?.message).toContain('3 parts');
    // The same paste again gives the same ids: a re-import files nothing twice.
    expect(extractPaste(text, 'p', { maxPartChars: 10_000 }).entries.map((e) => e.id)).toEqual(
      r.entries.map((e) => e.id),
    );
  });
});
