import type { Entry } from '../../model/index.js';
import {
  canonicalUrl,
  entryId,
  ingestDiagnostic,
  linesAt,
  statusIdFromUrl,
} from '../shared/index.js';
import { extractPaste } from '../paste/index.js';
import type { ImportResult } from '../types.js';
import { postEntryFromEmbed } from './post-from-embed.js';

const BLOCKQUOTE =
  /<blockquote\b[^>]*\bclass\s*=\s*["'][^"']*twitter-tweet[^"']*["'][^>]*>[\s\S]*?(?:<\/blockquote>|$)/gi;
/** The widgets script X appends to each embed: it renders the embed in a browser, nothing more. */
const WIDGETS_SCRIPT =
  /<script\b[^>]*platform\.(?:twitter|x)\.com\/widgets\.js[^>]*>\s*<\/script>/gi;

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
  const cleaned = text.replace(WIDGETS_SCRIPT, (s) => s.replace(/[^\n]/g, ' '));
  const matches = [...cleaned.matchAll(BLOCKQUOTE)];
  const lines = linesAt(
    cleaned,
    matches.map((m) => m.index),
  );
  const result: ImportResult = { entries: [], diagnostics: [] };
  // A whole web page (a blog post quoting posts) is markup around the embeds, not notes.
  const page = /^\s*(?:<!doctype html|<html\b)|<body\b/i.test(cleaned);
  const addText = page ? () => undefined : addPlainText;
  let pos = 0;
  matches.forEach((m, i) => {
    addText(cleaned.slice(pos, m.index), source, result);
    pos = m.index + m[0].length;
    const line = lines[i] ?? 1;
    if (!/<\/blockquote>\s*$/i.test(m[0])) {
      result.diagnostics.push(
        ingestDiagnostic(source, 'embed is not closed (truncated?)', { line }, 'warning'),
      );
    }
    const read = postEntryFromEmbed(m[0]);
    if (read.ok) result.entries.push(read.entry);
    else {
      const kept = page ? 'skipped' : 'kept as text';
      result.diagnostics.push(ingestDiagnostic(source, `${read.reason}; ${kept}`, { line }));
      addText(m[0], source, result);
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
    into.entries.push(...extractPaste(rest.join('\n'), source).entries);
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
