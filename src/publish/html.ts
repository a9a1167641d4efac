import type { Entry } from '../model/index.js';
import { entryView, type DigestDay } from './digest-day.js';
import { escapeMarkup } from './html-escape.js';
import { anchorHtml, linkedTextHtml } from './html-links.js';
import { htmlPage } from './html-page.js';
import { postEmbedHtml } from './html-post.js';
import { summaryLineHtml, tagLineHtml, type TagHref } from './html-summary.js';

/** How {@link renderDigestHtml} renders a day. */
export interface DigestHtmlOptions {
  /** A full page (doctype, head, stylesheet) instead of a fragment for a blog editor. */
  standalone?: boolean;
  /** Add X's widget script, which turns each embed with a status link into the live post. */
  embedScript?: boolean;
  /** The page title and heading of a standalone page; the day by default. */
  title?: string;
  /** The language of the clip text. */
  lang?: 'ja';
  /** Where each tag links (the site's tag pages); tags are plain text without it. */
  tagHref?: TagHref;
}

/** X's own widget script tag, exactly as X's embed code writes it. */
export const EMBED_SCRIPT =
  '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';

/**
 * A day's digest as HTML. By default a fragment for a blog editor's HTML mode: a
 * `<div class="kirinuki-digest">` holding, for each entry, its post as X's embed markup (or a
 * link to the captured page), the body lines as paragraphs (links as `<a>`), and the summary
 * lines as tag, speaker and quote spans that read exactly as the curator wrote them; then the
 * document tags. `standalone` wraps it in a full page with kirinuki's stylesheet. Every piece
 * of clip text is escaped.
 *
 * @example
 * renderDigestHtml(day); // '<div class="kirinuki-digest">\n<div class="kirinuki-entry">…'
 * renderDigestHtml(day, { standalone: true, embedScript: true }); // '<!DOCTYPE html>…'
 */
export function renderDigestHtml(day: DigestDay, opts: DigestHtmlOptions = {}): string {
  const lang = opts.lang ?? 'ja';
  const parts = [
    ...day.entries.map((e) => entryHtml(e, lang, opts.tagHref)),
    ...day.documentTagLines.map((l) => tagLineHtml(l, opts.tagHref)),
  ];
  const fragment = ['<div class="kirinuki-digest">', ...parts, '</div>'].join('\n');
  const script = opts.embedScript ? `\n${EMBED_SCRIPT}` : '';
  if (!opts.standalone) return `${fragment}${script}\n`;
  const title = opts.title ?? day.day;
  const body = `<main>\n<h1>${escapeMarkup(title)}</h1>\n${fragment}\n</main>${script}`;
  return htmlPage({ title, body, lang });
}

function entryHtml(entry: Entry, lang: string, tagHref?: TagHref): string {
  const view = entryView(entry);
  const head = entry.post
    ? [postEmbedHtml(entry.post, view, lang)]
    : view.statusUrl !== null
      ? [sourceHtml(view.statusUrl, view.headline, view.authorName, view.date)]
      : [];
  const source =
    view.articleUrl === null
      ? []
      : [
          sourceHtml(
            view.articleUrl,
            entry.post ? null : view.headline,
            view.authorName,
            view.date,
          ),
        ];
  const body = view.bodyLines
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${linkedTextHtml(l)}</p>`);
  const lines = view.summaries.map((s) => summaryLineHtml(s, tagHref));
  return ['<div class="kirinuki-entry">', ...head, ...source, ...body, ...lines, '</div>'].join(
    '\n',
  );
}

/**
 * The captured page an entry comes from: its title linking to it (the URL itself when there
 * is no title), then who published it and when.
 */
function sourceHtml(
  url: string,
  title: string | null,
  author: string | null,
  date: string | null,
): string {
  const by = [author, date].filter((s): s is string => s !== null && s !== '').join(' ');
  const credit = by === '' ? '' : ` &mdash; ${escapeMarkup(by)}`;
  return `<p class="kirinuki-source">${anchorHtml(url, title || url)}${credit}</p>`;
}
