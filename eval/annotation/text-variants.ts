/**
 * Changes to a news text that must not change who said its quotes: how a page sets its
 * paragraphs apart, the width of its digits, honorifics, dates and settings written around a
 * report, the verb that reports it, names no list has. Each takes a labelled text and returns
 * the changed text with its labels changed alike, or null when it does not apply.
 */

/** A labelled quote, as the real and blind sets write one. */
export interface VariantQuote {
  text: string;
  speaker: string;
  canonical: string;
}

export interface Labelled {
  text: string;
  quotes: readonly VariantQuote[];
}

export interface TextVariant {
  name: string;
  apply(item: Labelled, known: ReadonlySet<string>): Labelled | null;
}

/** The same replacements made in the text and in every label. */
function replaced(item: Labelled, pairs: readonly (readonly [string, string])[]): Labelled | null {
  if (pairs.length === 0) return null;
  const swap = (s: string): string => pairs.reduce((acc, [a, b]) => acc.split(a).join(b), s);
  return {
    text: swap(item.text),
    quotes: item.quotes.map((q) => ({
      text: swap(q.text),
      speaker: swap(q.speaker),
      canonical: swap(q.canonical),
    })),
  };
}

/** The text changed by `edit`, the labels as they were (the edit leaves quotes and names alone). */
function edited(item: Labelled, edit: (text: string) => string): Labelled | null {
  const text = edit(item.text);
  return text === item.text ? null : { text, quotes: item.quotes };
}

const WIDE_OFFSET = 0xfee0;
const widen = (pattern: RegExp) => (line: string) =>
  line.replace(pattern, (c) => String.fromCharCode(c.charCodeAt(0) + WIDE_OFFSET));
/** Lines a page does not write itself: links and a post's credit line (`— Name (@handle) date`). */
const MACHINE_LINE = /https?:|^— /u;
const perLine = (edit: (line: string) => string) => (text: string) =>
  text
    .split('\n')
    .map((l) => (MACHINE_LINE.test(l) ? l : edit(l)))
    .join('\n');

const PERSON_TITLES = '(?:氏|大統領|首相|外相|報道官|長官|さん)';
const REPORT_VERB = '(述べ|語|話|強調|指摘)';

/** Names no list of kirinuki's has (written for this check). */
const UNKNOWN_NAMES = [
  'ボルシチェンコ',
  'カラヴァエフ',
  'ミロスラフスキー',
  'テルノフ',
  'ザヴァツキー',
  'ルドニツキー',
  'ベロウソワ',
  'ドロビシュ',
  'クラフチュコ',
  'ヤロシェフスキ',
];

const KATAKANA_NAME = /^[\u30a1-\u30fa\u30fc]{3,}$/u;

function verbVariant(verb: string): TextVariant {
  return {
    name: `reported with 「…」と${verb}`,
    apply: (item) => edited(item, (t) => t.replace(/」と述べた/gu, `」と${verb}`)),
  };
}

function settingVariant(setting: string): TextVariant {
  return {
    name: `「…」と${setting}… before the verb`,
    apply: (item) =>
      edited(item, (t) => t.replace(new RegExp(`」と${REPORT_VERB}`, 'gu'), `」と${setting}$1`)),
  };
}

/**
 * The variants `npm run eval` checks, each a claim about the language: none should change a
 * speaker.
 */
export const TEXT_VARIANTS: readonly TextVariant[] = [
  {
    name: 'paragraphs set apart by blank lines',
    apply: (item) => edited(item, (t) => t.replace(/\n+/gu, '\n\n')),
  },
  {
    name: 'paragraphs joined by single line feeds',
    apply: (item) => edited(item, (t) => t.replace(/\n+/gu, '\n')),
  },
  { name: 'digits written full-width', apply: (item) => edited(item, perLine(widen(/[0-9]/gu))) },
  {
    name: 'letters and digits written full-width',
    apply: (item) => edited(item, perLine(widen(/[0-9A-Za-z]/gu))),
  },
  {
    name: 'no 氏 after katakana names',
    apply: (item) =>
      replaced(
        item,
        [...new Set(item.text.match(/[\u30a1-\u30fa\u30fc・]{3,}氏/gu) ?? [])].map(
          (n) => [n, n.slice(0, -1)] as const,
        ),
      ),
  },
  {
    name: 'さん for 氏',
    apply: (item) =>
      replaced(
        item,
        [...new Set(item.text.match(/[\u30a1-\u30fa\u30fc・]{3,}氏/gu) ?? [])].map(
          (n) => [n, `${n.slice(0, -1)}さん`] as const,
        ),
      ),
  },
  {
    name: 'an age after a name, (45)',
    apply: (item) =>
      edited(item, (t) => t.replace(/([\u30a1-\u30fa\u30fc・]{3,}(?:氏|さん))は/gu, '$1(45)は')),
  },
  {
    name: 'a date after the topic, Xは5日、「…」',
    apply: (item) =>
      edited(item, (t) => t.replace(new RegExp(`(${PERSON_TITLES}は)「`, 'gu'), '$15日、「')),
  },
  {
    name: 'a comma after the topic, Xは、「…」',
    apply: (item) =>
      edited(item, (t) => t.replace(new RegExp(`(${PERSON_TITLES}は)「`, 'gu'), '$1、「')),
  },
  {
    name: 'no comma after the topic, Xは「…」',
    apply: (item) =>
      edited(item, (t) => t.replace(new RegExp(`(${PERSON_TITLES}は)、「`, 'gu'), '$1「')),
  },
  {
    name: 'the quote first, any subject, 「…」と…は述べた',
    apply: (item) =>
      edited(item, (t) =>
        t.replace(
          /(^|[。\n])([^。\n「」、]{2,30}?)は、?(?:\d{1,2}日、)?「([^「」]+)」と(述べ|語|話|強調|指摘|説明|主張|批判|発表|明らかに)/gu,
          '$1「$3」と$2は$4',
        ),
      ),
  },
  {
    name: 'the quote first, 「…」とXは述べた',
    apply: (item) =>
      edited(item, (t) =>
        t.replace(
          new RegExp(
            `(^|[。\\n])([^。\\n「」、]{2,30}?${PERSON_TITLES})は、?「([^「」]+)」と${REPORT_VERB}`,
            'gu',
          ),
          '$1「$3」と$2は$4',
        ),
      ),
  },
  {
    name: 'the title before the name, 報道官のX氏',
    apply: (item) =>
      replaced(
        item,
        [
          ...new Set(
            item.text.match(
              /(?<![\u30a1-\u30fa\u30fc・])[\u30a1-\u30fa\u30fc]{3,}(?:報道官|外相|首相|大統領)は/gu,
            ) ?? [],
          ),
        ].map((n) => {
          const m = /^(.+?)(報道官|外相|首相|大統領)は$/u.exec(n);
          return [n, m ? `${m[2]}の${m[1]}氏は` : n] as const;
        }),
      ),
  },
  {
    name: 'known katakana names replaced by names no list has',
    apply: (item, known) =>
      replaced(
        item,
        [...known]
          .filter((c) => KATAKANA_NAME.test(c) && item.text.includes(c))
          .map((c, i) => [c, UNKNOWN_NAMES[i % UNKNOWN_NAMES.length] ?? c] as const),
      ),
  },
  {
    name: 'two sentences naming no one closing each paragraph',
    apply: (item) =>
      edited(item, (t) =>
        t.replace(/。\n/gu, '。現地では冷たい雨が降り続いている。市場も閉まったままだ。\n'),
      ),
  },
  {
    name: 'a body’s sentence that reports nothing closing each paragraph',
    apply: (item) =>
      edited(item, (t) => t.replace(/。\n/gu, '。ロシア軍は東部で攻勢を強めている。\n')),
  },
  settingVariant('記者団に'),
  settingVariant('記者会見で'),
  settingVariant('記者団に対し'),
  verbVariant('語った'),
  verbVariant('強調した'),
  verbVariant('明らかにした'),
  verbVariant('述べました'),
];
