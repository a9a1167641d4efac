import { describe, expect, it } from 'vitest';
import { annotateJsonl } from './jsonl.js';
import { loadKnowledge } from './knowledge/index.js';

const knowledge = loadKnowledge();

async function* linesOf(...lines: string[]): AsyncIterable<string> {
  yield* lines;
}

describe('annotateJsonl', () => {
  it('writes one line per input line, with the fields the CLI promises', async () => {
    const out: string[] = [];
    const report = await annotateJsonl(
      linesOf(
        JSON.stringify({
          id: 'a',
          text: 'ラブロフ外相は17日、「対話は可能だ」と述べた。',
          date: '2024-01-18',
        }),
      ),
      (l) => out.push(l),
      { knowledge },
    );
    expect(report).toEqual({ lines: 1, errors: 0 });
    const row = JSON.parse(out[0] ?? '{}') as Record<string, unknown[]>;
    expect(row.id).toBe('a');
    expect(row.quotes?.[0]).toMatchObject({
      speaker: 'ラブロフ外相',
      canonical: 'ラブロフ',
      org: 'ロシア',
      text: '対話は可能だ',
      verb: '述べた',
    });
    expect(row.entities?.[0]).toMatchObject({
      type: 'person',
      surface: 'ラブロフ',
      canonical: 'ラブロフ',
      start: 0,
      end: 4,
    });
    expect(row.dates?.[0]).toMatchObject({ surface: '17日', from: '2024-01-17' });
    expect(row.caveats).toEqual([]);
  });

  it('answers a malformed line with an error naming its line number and goes on', async () => {
    const out: string[] = [];
    const report = await annotateJsonl(
      linesOf(
        '{"id":1,"text":"キエフ"}',
        'not json',
        '',
        '{"text":"no id"}',
        '{"id":2,"text":"ハリコフ"}',
      ),
      (l) => out.push(l),
      {
        knowledge,
      },
    );
    expect(report).toEqual({ lines: 4, errors: 2 });
    const rows = out.map((l) => JSON.parse(l) as { id?: number; line?: number; error?: string });
    expect(rows.map((r) => r.id ?? r.line)).toEqual([1, 2, 4, 2]);
    expect(rows[1]?.error).toMatch(/line 2/);
    expect(rows[2]?.error).toMatch(/line 4: id/);
  });

  it('adds the fields of an enrich hook after the annotations; a failing hook fails its line', async () => {
    const out: string[] = [];
    const report = await annotateJsonl(
      linesOf('{"id":1,"text":"キエフ","handle":"kyodo"}', '{"id":2,"text":"boom"}'),
      (l) => out.push(l),
      {
        knowledge,
        enrich: (line) => {
          if (line.text === 'boom') throw new Error('hook failed');
          return { seen: [line.id, line.handle, line.annotations.entities.length] };
        },
      },
    );
    expect(report).toEqual({ lines: 2, errors: 1 });
    const first = JSON.parse(out[0] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(first).slice(-1)).toEqual(['seen']);
    expect(first.seen).toEqual([1, 'kyodo', 1]);
    expect(JSON.parse(out[1] ?? '{}')).toMatchObject({
      line: 2,
      id: 2,
      error: expect.stringMatching(/hook failed/),
    });
  });
});
