import { Tokenizer } from 'htmlparser2';

/**
 * One token of HTML or XML. A tag spans `[start, end)` of the source, from its `<` to after
 * its `>`. Tag names are as written (HTML callers lower-case them); attribute names are
 * lower-case in HTML, as written in XML; an attribute named twice keeps its first value.
 */
export type MarkupToken =
  | {
      kind: 'open';
      name: string;
      start: number;
      end: number;
      selfClosing: boolean;
      attributes: ReadonlyMap<string, string>;
    }
  | { kind: 'close'; name: string; start: number; end: number }
  /** Character data, references decoded when asked; `raw` is false for a decoded reference. */
  | { kind: 'text'; text: string; raw: boolean }
  | { kind: 'cdata'; text: string };

export interface MarkupScanOptions {
  /** XML rules (any tag name, no raw-text elements) instead of HTML's. Default false. */
  xml?: boolean;
  /** Decode character references in text. Default true. */
  decodeEntities?: boolean;
  /**
   * Give a tag still open when the source ends (`…<a href="x`) as text instead of dropping it
   * as a browser does: cut-off markup in a feed is then seen, not lost. Default false.
   */
  unfinishedTagAsText?: boolean;
}

/**
 * Walks HTML or XML token by token with htmlparser2's tokenizer — a state machine that reads
 * each character once, so the time is linear in the source whatever it holds (unclosed tags,
 * stray `<`, no `>` anywhere) and the stack does not grow with nesting. `onToken` returns
 * `false` to stop early. Like a browser, a tag still open when the source ends is dropped
 * (unless `unfinishedTagAsText`); comments, declarations and processing instructions are
 * skipped.
 *
 * @example
 * const names: string[] = [];
 * scanMarkup('<p>a<br>b</p>', (t) => void (t.kind === 'open' && names.push(t.name)));
 * names; // ['p', 'br']
 */
export function scanMarkup(
  source: string,
  onToken: (token: MarkupToken) => boolean | void,
  options: MarkupScanOptions = {},
): void {
  let open: { name: string; start: number; attributes: Map<string, string> } | null = null;
  let attribute = { name: '', value: '' };
  let stopped = false;
  // Where the last whole token ends: what the tokenizer drops after it is an unfinished tag.
  let consumed = 0;
  // Set while the tokenizer flushes the end of the source: text it gives then that does not
  // start where the last token ended is the rest of a cut-off tag (`<tex` of a `<textarea` it
  // was still matching), handled below rather than passed on without its `<`.
  let ending = false;
  const emit = (token: MarkupToken, end: number): void => {
    consumed = end;
    if (stopped) return;
    if (onToken(token) === false) {
      stopped = true;
      tokenizer.pause();
    }
  };
  const tagEnd = (gt: number, selfClosing: boolean): void => {
    if (open === null) return;
    const { name, start, attributes } = open;
    emit({ kind: 'open', name, start, end: gt + 1, selfClosing, attributes }, gt + 1);
    open = null;
  };
  const skip = (_start: number, end: number): void => void (consumed = end + 1);
  const ignore = (): void => undefined;
  const tokenizer = new Tokenizer(
    { xmlMode: options.xml ?? false, decodeEntities: options.decodeEntities ?? true },
    {
      ontext: (start, end) => {
        if (ending && start > consumed) return;
        emit({ kind: 'text', text: source.slice(start, end), raw: true }, end);
      },
      ontextentity: (codePoint, end) =>
        emit({ kind: 'text', text: String.fromCodePoint(codePoint), raw: false }, end),
      oncdata: (start, end, offset) =>
        emit({ kind: 'cdata', text: source.slice(start, end - offset) }, end + 1),
      onopentagname: (start, end) => {
        open = { name: source.slice(start, end), start: start - 1, attributes: new Map() };
      },
      onopentagend: (gt) => tagEnd(gt, false),
      onselfclosingtag: (gt) => tagEnd(gt, true),
      onclosetag: (start, end) => {
        // The name ends here; the tag at the next `>` (the tokenizer skips to it the same way).
        // It began at the `<` before the name (`</ name>` has spaces between).
        const gt = source.indexOf('>', end);
        const close = gt === -1 ? source.length : gt + 1;
        const lt = source.lastIndexOf('<', start);
        emit({ kind: 'close', name: source.slice(start, end), start: lt, end: close }, close);
      },
      onattribname: (start, end) => {
        const name = source.slice(start, end);
        attribute = { name: options.xml ? name : name.toLowerCase(), value: '' };
      },
      onattribdata: (start, end) => void (attribute.value += source.slice(start, end)),
      onattribentity: (codePoint) => void (attribute.value += String.fromCodePoint(codePoint)),
      onattribend: () => {
        if (open !== null && !open.attributes.has(attribute.name))
          open.attributes.set(attribute.name, attribute.value);
      },
      oncomment: skip,
      ondeclaration: skip,
      onprocessinginstruction: skip,
      onend: ignore,
    },
  );
  tokenizer.write(source);
  if (stopped) return;
  ending = true;
  tokenizer.end();
  if (options.unfinishedTagAsText && !stopped && consumed < source.length)
    emit({ kind: 'text', text: source.slice(consumed), raw: true }, source.length);
}
