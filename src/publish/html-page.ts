import { escapeMarkup } from './html-escape.js';
import { digestStylesheet } from './html-style.js';

/** What {@link htmlPage} puts together. */
export interface HtmlPageParts {
  /** The page title, as text (escaped here). */
  title: string;
  /** The markup of `<body>`, as it is. */
  body: string;
  /** The page's language; Japanese by default. */
  lang?: string;
  /** More markup for `<head>` (feed links, a canonical URL), as it is. */
  head?: string;
}

/**
 * A full HTML5 page: doctype, `lang`, UTF-8, a viewport for phones, the title, kirinuki's
 * stylesheet ({@link digestStylesheet}) in a `<style>` element — no `style` attributes or
 * inline scripts, so the page runs under a strict Content-Security-Policy but for that one
 * element — then `head` and `body`.
 *
 * @example
 * htmlPage({ title: '2024-03-04', body: '<main><h1>2024-03-04</h1></main>' });
 * // '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">…'
 */
export function htmlPage({ title, body, lang = 'ja', head = '' }: HtmlPageParts): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeMarkup(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeMarkup(title)}</title>`,
    `<style>\n${digestStylesheet}</style>`,
    ...(head === '' ? [] : [head]),
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
