import type { Entry } from '../../model/index.js';
import {
  canonicalUrl,
  entryId,
  ingestDiagnostic,
  pushAll,
  linesAt,
  scanMarkup,
  statusIdFromUrl,
} from '../shared/index.js';
import { extractPaste } from '../paste/index.js';
import type { ImportResult } from '../types.js';
import { postEntryFromEmbed } from './post-from-embed.js';

/** The widgets script X appends to each embed: it renders the embed in a browser, nothing more. */
const WIDGETS_SCRIPT = /platform\.(?:twitter|x)\.com\/widgets\.js/i;

/** Where the embeds and the widgets scripts are in a paste. */
export interface EmbedSpans {
  /** Each `<blockquote class="twitter-tweet">` to its first `</blockquote>`, or to the end. */
  embeds: { start: number; end: number; closed: boolean }[];
  /** Each `<script src="…widgets.js"></script>` with nothing but space inside. */
  scripts: { start: number; end: number }[];
}

/**
 * The embeds and widgets scripts of a paste, found by htmlparser2's tokenizer in one linear
 * pass (the pattern that found them rescanned to the end for every `<blockquote ` without a
 * `>`: 300 KB took 2.7 s).
 *
 * @example
 * embedSpans('<blockquote class="twitter-tweet">…</blockquote>').embeds;
 * // [{ start: 0, end: 49, closed: true }]
 */
export function embedSpans(text: string): EmbedSpans {
  const spans: EmbedSpans = { embeds: [], scripts: [] };
  let embed: number | null = null;
  let script: { start: number; blank: boolean } | null = null;
  scanMarkup(text, (token) => {
    const name = token.kind === 'open' || token.kind === 'close' ? token.name.toLowerCase() : '';
    if (embed !== null && token.kind === 'close' && name === 'blockquote') {
      spans.embeds.push({ start: embed, end: token.end, closed: true });
      embed = null;
    } else if (embed === null && token.kind === 'open' && name === 'blockquote') {
      if (/twitter-tweet/i.test(token.attributes.get('class') ?? '')) embed = token.start;
    } else if (token.kind === 'open' && name === 'script' && !token.selfClosing) {
      const src = [...token.attributes.values()].join(' ');
      script = WIDGETS_SCRIPT.test(src) ? { start: token.start, blank: true } : null;
    } else if (token.kind === 'text' && script !== null) {
      script.blank &&= token.text.trim() === '';
    } else if (token.kind === 'close' && name === 'script' && script !== null) {
      if (script.blank) spans.scripts.push({ start: script.start, end: token.end });
      script = null;
    }
  });
  if (embed !== null) spans.embeds.push({ start: embed, end: text.length, closed: false });
  return spans;
}

/** The text with each span blanked out, line breaks kept so line numbers still hold. */
function blanked(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let pos = 0;
  for (const { start, end } of spans) {
    out += text.slice(pos, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    pos = end;
  }
  return out + text.slice(pos);
}

/**
 * A paste that may hold post embeds: each `<blockquote class="twitter-tweet">` becomes an entry
 * with its post, a line that is only a status URL becomes an entry with that id, and the plain
 * text around them becomes paste entries, one per paragraph — unless the input is a whole web
 * page, whose markup around the embeds is no one's notes. An embed that cannot be read is kept
 * as plain text (skipped on a page) with an error naming its line.
 *
 * @example
 * extractEmbeds(embedHtml + '\n\nメモ: 続報待ち', 'paste.html').entries.length; // 2
 */
export function extractEmbeds(text: string, source: string): ImportResult {
  const spans = embedSpans(text);
  const cleaned = blanked(text, spans.scripts);
  const matches = spans.embeds;
  const lines = linesAt(
    cleaned,
    matches.map((m) => m.start),
  );
  const result: ImportResult = { entries: [], diagnostics: [] };
  // A whole web page (a blog post quoting posts) is markup around the embeds, not notes.
  const page = /^\s*(?:<!doctype html|<html\b)|<body\b/i.test(cleaned);
  const addText = page ? () => undefined : addPlainText;
  let pos = 0;
  matches.forEach((m, i) => {
    addText(cleaned.slice(pos, m.start), source, result);
    pos = m.end;
    const line = lines[i] ?? 1;
    if (!m.closed) {
      result.diagnostics.push(
        ingestDiagnostic(source, 'embed is not closed (truncated?)', { line }, 'warning'),
      );
    }
    const html = cleaned.slice(m.start, m.end);
    const read = postEntryFromEmbed(html);
    if (read.ok) result.entries.push(read.entry);
    else {
      const kept = page ? 'skipped' : 'kept as text';
      result.diagnostics.push(ingestDiagnostic(source, `${read.reason}; ${kept}`, { line }));
      addText(html, source, result);
    }
  });
  addText(cleaned.slice(pos), source, result);
  return result;
}

/** Plain text between embeds: status URLs on their own line, else one entry per paragraph. */
function addPlainText(text: string, source: string, into: ImportResult): void {
  for (const paragraph of text.split(/(?:\r?\n|\r)[ \t\u3000]*(?:\r?\n|\r)/)) {
    const rest: string[] = [];
    for (const line of paragraph.split(/\r?\n|\r/)) {
      const bare = bareStatusEntry(line);
      if (bare) into.entries.push(bare);
      else rest.push(line);
    }
    if (rest.join('').trim() === '') continue;
    pushAll(into.entries, extractPaste(rest.join('\n'), source).entries);
  }
}

/**
 * A line that is only a status URL, as an entry with the status id and no text yet (fetching
 * its oEmbed gives the text).
 *
 * @example
 * bareStatusEntry('https://x.com/nhk_news/status/1747871244170555421')?.id;
 * // 'x:1747871244170555421'
 */
export function bareStatusEntry(line: string): Entry | null {
  const status = statusIdFromUrl(line.trim());
  if (!status || !/^\S+$/.test(line.trim())) return null;
  const url = canonicalUrl(line) ?? line.trim();
  return {
    id: entryId({ statusId: status.id }),
    post: null,
    bodyKind: 'article',
    body: [line.trim()],
    summaries: [],
    origin: { kind: 'embed', url, author: `@${status.handle}` },
  };
}
