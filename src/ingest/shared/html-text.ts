import { decodeEntities } from './entities.js';

/** Elements whose start or end begins a new line of text. */
const BLOCK = new Set(
  (
    'address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 ' +
    'h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'
  ).split(' '),
);
/** Elements that end a paragraph: a blank line follows them. */
const PARAGRAPH = new Set('p blockquote h1 h2 h3 h4 h5 h6 pre ul ol table hr figure'.split(' '));
/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'head']);

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>|([^<]+)|</g;

/**
 * The visible text of an HTML fragment as lines: block elements and `<br>` break lines,
 * paragraphs are separated by one empty line, scripts and styles are dropped, character
 * references decoded, runs of spaces collapsed. A small tokenizer rather than a DOM, because it
 * runs over every post of a 50 MB blog export; it is forgiving of unclosed and stray tags.
 *
 * @example
 * htmlToLines('<p>一行目<br>二行目</p><p>&lt;次&gt;</p>'); // ['一行目', '二行目', '', '<次>']
 */
export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  let current = '';
  let afterBr = false;
  const breakLine = (paragraph: boolean): void => {
    const line = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (line !== '') lines.push(line);
    if (paragraph && lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    current = '';
  };
  const token = new RegExp(TOKEN.source, 'g');
  for (let m = token.exec(html); m !== null; m = token.exec(html)) {
    const [whole, cdata, slash, rawName, , text] = m;
    const name = rawName?.toLowerCase();
    if (name === 'br') {
      // `<br><br>` is how post embeds and hand-written blogs separate paragraphs.
      breakLine(afterBr && current.trim() === '');
      afterBr = true;
      continue;
    }
    if (text !== undefined) {
      if (text.trim() !== '') afterBr = false;
      current += decodeEntities(text);
    } else if (cdata !== undefined) current += cdata;
    else if (name !== undefined && slash === '' && HIDDEN.has(name)) {
      token.lastIndex = whole.endsWith('/>')
        ? token.lastIndex
        : skipRawText(html, name, token.lastIndex);
    } else if (name !== undefined && BLOCK.has(name)) breakLine(PARAGRAPH.has(name));
    else if (whole === '<') current += '<';
  }
  breakLine(false);
  while (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Script and style content is raw text: it ends at the first `</name`, whatever precedes it. */
function skipRawText(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}`, 'gi');
  closing.lastIndex = from;
  const end = closing.exec(html)?.index;
  if (end === undefined) return html.length;
  const close = html.indexOf('>', end);
  return close === -1 ? html.length : close + 1;
}

/**
 * The visible text of an HTML fragment on one line per block, without empty lines.
 *
 * @example
 * htmlToText('<p>a</p><p>b &amp; c</p>'); // 'a\nb & c'
 */
export function htmlToText(html: string): string {
  return htmlToLines(html)
    .filter((l) => l !== '')
    .join('\n');
}
