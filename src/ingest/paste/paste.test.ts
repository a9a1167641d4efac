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
    expect(extractPaste('あ\n'.repeat(200_000), 'p').entries[0]?.body).toHaveLength(200_000);
  });
});
