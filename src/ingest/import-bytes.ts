import type { Diagnostic, Entry } from '../model/index.js';
import { extractArticle } from './article/index.js';
import { extractBlogArchive } from './blog-archive/index.js';
import { extractEmbeds, extractOembed } from './embed/index.js';
import { extractFeed } from './feed/index.js';
import { extractPaste } from './paste/index.js';
import { decodeBytes } from './shared/index.js';
import { extractTelegram } from './telegram/index.js';
import type { ArchivedDocument, ClipParser, ProgressListener } from './types.js';

/** The kinds of input `importBytes` reads. */
export type ImportFormat =
  'embed' | 'oembed' | 'feed' | 'article' | 'telegram' | 'movable-type' | 'wxr' | 'paste';

/**
 * Which importer a file is for, from its first 4 KB and then its name: Telegram exports,
 * oEmbed and JSON feeds by their keys, WXR by its namespace, feeds by their root element, MT
 * exports by their header lines, post embeds by their blockquote, HTML pages by their tags.
 * Anything else is a paste.
 *
 * @example
 * detectImportFormat('result.json', bytes); // 'telegram'
 */
export function detectImportFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (start.startsWith('{')) {
    if (/"messages"\s*:/.test(head)) return 'telegram';
    if (/jsonfeed\.org\/version/.test(head)) return 'feed';
    if (/"html"\s*:/.test(head) || /"provider_name"\s*:\s*"(?:Twitter|X)"/.test(head))
      return 'oembed';
  }
  if (/xmlns:wp=|wordpress\.org\/export/i.test(head)) return 'wxr';
  if (
    /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)?<(?:rss|feed|rdf:RDF)\b/i.test(
      start,
    )
  )
    return 'feed';
  if (
    /^(?:AUTHOR|TITLE|BASENAME|STATUS|DATE|ALLOW COMMENTS|CONVERT BREAKS|CATEGORY|PRIMARY CATEGORY):/m.test(
      head.slice(0, 1024),
    ) &&
    /^-----$/m.test(head)
  )
    return 'movable-type';
  if (/class\s*=\s*["'][^"']*twitter-tweet/i.test(head)) return 'embed';
  if (/^(?:<!doctype html|<html\b)/i.test(start) || /\.x?html?$/i.test(fileName)) return 'article';
  if (/^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w+\/status\//im.test(head))
    return 'embed';
  if (/\.(?:rss|atom|rdf)$/i.test(fileName)) return 'feed';
  return 'paste';
}

export interface ImportOptions {
  /** Read as this format instead of detecting it. */
  format?: ImportFormat;
  /** Where the bytes came from when fetched: base for relative links. */
  baseUrl?: string;
  /** HTTP `charset`, when fetched. */
  httpCharset?: string;
  /** Telegram channel address (`https://t.me/name`), for message URLs. */
  channelUrl?: string;
  /**
   * `Date.now()` past which feeds read no more items and pages keep their visible text rather
   * than search for the main text: a fetch's `deadline`, so `--timeout` bounds the reading too.
   */
  deadline?: number;
  onProgress?: ProgressListener;
  parseClip?: ClipParser;
}

/** What `importBytes` gives a presenter: entries, findings, and blog posts as documents. */
export interface ImportBytesResult {
  format: ImportFormat;
  entries: Entry[];
  diagnostics: Diagnostic[];
  /** Present for blog archives: each post as a clip document with its day. */
  documents?: ArchivedDocument[];
}

/**
 * Imports a file of any supported kind: detects the format (unless given) and runs its
 * importer. Pure: no file, network or database access; the CLI reads the bytes and files the
 * entries.
 *
 * @example
 * const r = importBytes('export.txt', await readFile('export.txt'), { onProgress });
 * r.format; // 'movable-type'
 */
export function importBytes(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): ImportBytesResult {
  const format = options.format ?? detectImportFormat(fileName, bytes);
  const http = options.httpCharset === undefined ? {} : { httpCharset: options.httpCharset };
  const base = options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl };
  const deadline = options.deadline === undefined ? {} : { deadline: options.deadline };
  switch (format) {
    case 'feed':
      return { format, ...extractFeed(bytes, fileName, { ...http, ...base, ...deadline }) };
    case 'article':
      return {
        format,
        ...extractArticle(bytes, fileName, {
          ...http,
          ...deadline,
          ...(options.baseUrl ? { url: options.baseUrl } : {}),
        }),
      };
    case 'telegram':
      return {
        format,
        ...extractTelegram(
          bytes,
          fileName,
          options.channelUrl ? { channelUrl: options.channelUrl } : {},
        ),
      };
    case 'movable-type':
    case 'wxr':
      return { format, ...extractBlogArchive(bytes, fileName, format, options) };
    default:
      return { format, ...textImport(format, bytes, fileName, options.httpCharset) };
  }
}

function textImport(
  format: 'embed' | 'oembed' | 'paste',
  bytes: Uint8Array,
  fileName: string,
  httpCharset?: string,
) {
  const decoded = decodeBytes(bytes, { file: fileName, ...(httpCharset ? { httpCharset } : {}) });
  const read =
    format === 'oembed'
      ? extractOembed(decoded.text, fileName)
      : format === 'embed'
        ? extractEmbeds(decoded.text, fileName)
        : extractPaste(decoded.text, fileName);
  return { entries: read.entries, diagnostics: [...decoded.diagnostics, ...read.diagnostics] };
}
