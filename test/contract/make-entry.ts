import type { Entry, Segment, SummaryLine } from '../../src/model/index.js';

/** A summary line, written `#tag(context・speaker「quote」)`. */
export interface SummarySpec {
  tag: string;
  context?: string;
  speaker?: string | null;
  quote?: string;
}

export interface EntrySpec {
  id: string;
  /** The post's text; no post when `null`. */
  text?: string | null;
  body?: string[];
  handle?: string;
  authorName?: string;
  /** The post's date, `YYYY-MM-DD`. */
  date?: string;
  summaries?: SummarySpec[];
}

/**
 * Builds an `Entry` directly, without the clip parser, for archive tests: a post with a link,
 * body lines, and summary lines whose segments are filled in as the parser would.
 *
 * @example
 * makeEntry({ id: 'e1', text: '停戦協議', summaries: [{ tag: 'ウクライナ和平交渉', speaker: 'ゼレンスキー大統領', quote: '…' }] });
 */
export function makeEntry(spec: EntrySpec): Entry {
  const text = spec.text === undefined ? `post ${spec.id}` : spec.text;
  const handle = spec.handle ?? 'ReutersJapan';
  const date = spec.date ?? '2024-01-18';
  const link = `https://t.co/${spec.id}`;
  const post =
    text === null
      ? null
      : {
          platform: 'x' as const,
          headLines: [`${text} ${link}`],
          attribution: `— ${spec.authorName ?? handle} (@${handle}) January 18, 2024`,
          tailLines: [],
          text,
          links: [link],
          hashtags: [],
          authorName: spec.authorName ?? handle,
          handle,
          date,
          truncated: false,
        };
  return {
    id: spec.id,
    post,
    bodyKind: 'article',
    body: spec.body ?? [],
    summaries: (spec.summaries ?? []).map(summaryLine),
  };
}

function summaryLine(s: SummarySpec): SummaryLine {
  const segments: Segment[] = [];
  if (s.context !== undefined) segments.push({ kind: 'context', text: s.context });
  if (s.quote !== undefined)
    segments.push({ kind: 'quote', speaker: s.speaker ?? null, quotes: [s.quote], rest: '' });
  const content = [
    s.context,
    s.quote === undefined ? undefined : `${s.speaker ?? ''}「${s.quote}」`,
  ]
    .filter((x) => x !== undefined)
    .join('・');
  return { raw: `#${s.tag}(${content})`, tag: s.tag, content, segments };
}
