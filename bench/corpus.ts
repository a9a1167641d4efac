/**
 * A reproducible corpus of news-like Japanese clips for the benchmarks: the same seed gives the
 * same clips, byte for byte, on every machine. Clips are 1–3 KB of UTF-8 each, spread over two
 * years of digest days, posted by a handful of news outlets and commentary accounts.
 *
 * @example
 * for (const day of generateCorpus({ size: 1000 })) console.log(day.day, day.entries.length);
 */
import { createHash } from 'node:crypto';
import type { Entry, Post, SummaryLine } from '../src/model/index.js';
import {
  castOf,
  headline,
  Lexicon,
  quoteText,
  sentence,
  speakerName,
  type Cast,
} from './corpus-sentences.js';
import { ACCOUNTS, DOCUMENT_TAG_LINES, MONTH_NAMES, TAGS, type Account } from './corpus-vocab.js';
import { Random, Zipf } from './random.js';

/** One digest day of the corpus: what `Archive.importBatch` takes, less the source. */
export interface CorpusDay {
  day: string;
  entries: Entry[];
  documentTagLines: string[];
}

export interface CorpusOptions {
  /** Number of clips. */
  size: number;
  seed?: number;
  /** Number of digest days the clips are spread over. */
  days?: number;
  /** The first digest day. */
  firstDay?: string;
}

const accounts = new Zipf(ACCOUNTS, 1.0);
const tags = new Zipf(TAGS, 1.0);

/** Generates the corpus a day at a time, so a million clips never sit in memory at once. */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusDay> {
  const rng = new Random(options.seed ?? 20240118);
  const lex = new Lexicon();
  const days = options.days ?? 730;
  const first = Date.parse(`${options.firstDay ?? '2023-01-01'}T00:00:00Z`);
  let index = 0;
  for (let d = 0; d < days; d += 1) {
    const end = Math.floor(((d + 1) * options.size) / days);
    const day = isoDay(first + d * 86_400_000);
    const entries: Entry[] = [];
    for (; index < end; index += 1) entries.push(makeEntry(rng, lex, index, day));
    const documentTagLines = rng.chance(0.6) ? [rng.pick(DOCUMENT_TAG_LINES)] : [];
    if (entries.length > 0) yield { day, entries, documentTagLines };
  }
}

/** The clip document a curator would have written for the day. */
export function renderCorpusDay(day: CorpusDay): string {
  const lines: string[] = [];
  for (const e of day.entries) {
    if (e.post) lines.push(...e.post.headLines, e.post.attribution, ...e.post.tailLines);
    lines.push(...e.body, ...e.summaries.map((s) => s.raw));
  }
  lines.push(...day.documentTagLines);
  return `${lines.join('\n')}\n`;
}

function makeEntry(rng: Random, lex: Lexicon, index: number, day: string): Entry {
  const account = accounts.draw(rng);
  const cast = castOf(rng, lex);
  const date = rng.chance(0.15) ? isoDay(Date.parse(`${day}T00:00:00Z`) - 86_400_000) : day;
  const target = rng.int(900, 2700);
  const paragraphs = bodyParagraphs(rng, lex, cast, target);
  const summaries = summaryLines(rng, lex, cast);
  const post =
    account.kind === 'news'
      ? newsPost(rng, lex, cast, account, index, date)
      : commentaryPost(account, index, date, paragraphs);
  const id = createHash('sha256')
    .update(`x:${post.handle.toLowerCase()}:${post.links[0] ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  const bodyKind = account.kind === 'news' ? 'article' : 'fullText';
  return { id, post, bodyKind, body: paragraphs, summaries };
}

function bodyParagraphs(rng: Random, lex: Lexicon, cast: Cast, targetBytes: number): string[] {
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    let p = '';
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i += 1) p += sentence(rng, lex, cast);
    paragraphs.push(p);
    bytes += Buffer.byteLength(p) + 1;
  }
  return paragraphs;
}

function newsPost(
  rng: Random,
  lex: Lexicon,
  cast: Cast,
  account: Account,
  index: number,
  date: string,
): Post {
  const text = headline(rng, lex, cast);
  const link = `https://t.co/${shortCode(index, 10)}`;
  const hashtags = account.hashtag ? [account.hashtag] : [];
  const head = account.hashtag ? `${text}${link} #${account.hashtag}` : `${text} ${link}`;
  return {
    platform: 'x',
    headLines: [head],
    attribution: attribution(account, date),
    tailLines: [],
    text,
    links: [link],
    hashtags,
    authorName: account.name,
    handle: account.handle,
    date,
    truncated: false,
  };
}

/** Commentary embeds are cut short; the body repeats the post's full text. */
function commentaryPost(account: Account, index: number, date: string, body: string[]): Post {
  const link = `pic.twitter.com/${shortCode(index, 10)}`;
  const head = `🗣️${body[0] ?? ''}`;
  const tail = `${(body[1] ?? '').slice(0, 60)}… ${link}`;
  body[0] = head;
  return {
    platform: 'x',
    headLines: [head],
    attribution: attribution(account, date),
    tailLines: [tail],
    text: `${head}\n${(body[1] ?? '').slice(0, 60)}…`,
    links: [link],
    hashtags: [],
    authorName: account.name,
    handle: account.handle,
    date,
    truncated: true,
  };
}

function summaryLines(rng: Random, lex: Lexicon, cast: Cast): SummaryLine[] {
  const count = rng.chance(0.3) ? 2 : 1;
  const lines: SummaryLine[] = [];
  for (let i = 0; i < count; i += 1) {
    const tag = tags.draw(rng);
    const context = `${lex.places.draw(rng)}${lex.topics.draw(rng)}`;
    const speaker = speakerName(rng, cast);
    const quotes = rng.chance(0.3)
      ? [quoteText(rng, lex), quoteText(rng, lex)]
      : [quoteText(rng, lex)];
    const quoted = `${speaker}${quotes.map((q) => `「${q}」`).join('')}`;
    const content = `${context}・${quoted}`;
    lines.push({
      raw: `#${tag}(${content})`,
      tag,
      content,
      segments: [
        { kind: 'context', text: context },
        { kind: 'quote', speaker, quotes, rest: '' },
      ],
    });
  }
  return lines;
}

function attribution(account: Account, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `— ${account.name} (@${account.handle}) ${MONTH_NAMES[(m ?? 1) - 1]} ${d}, ${y}`;
}

const CODE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A t.co-like code that is unique per index (a bijective scramble, then base 62). */
function shortCode(index: number, length: number): string {
  let x = BigInt(index) * 0x9e3779b97f4a7c15n + 0x1234567n;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    out += CODE[Number(x % 62n)];
    x /= 62n;
  }
  return out;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
