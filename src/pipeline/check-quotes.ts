import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Archive } from '../archive/index.js';
import { documentEntries, KirinukiError, type Document, type Entry } from '../model/index.js';
import { aliasesOf, entryText, findMentions, type Knowledge } from '../nlp/index.js';
import {
  matchQuote,
  normaliseForMatch,
  prepareQuoteText,
  type Abbreviations,
  type NearestPassage,
  type PreparedQuoteText,
  type QuoteMatchOptions,
} from '../text/index.js';

/** The shipped abbreviations: `data/text/abbreviations.json` at the package root. */
export const SHIPPED_ABBREVIATIONS = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/text/abbreviations.json',
);

/**
 * Reads an abbreviations file (`{ "abbreviations": { "ウク": ["ウクライナ"] } }`, see
 * `data/text/abbreviations.json`); the shipped one by default.
 *
 * @example
 * loadAbbreviations()['ウク']; // ['ウクライナ']
 */
export function loadAbbreviations(path = SHIPPED_ABBREVIATIONS): Abbreviations {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new KirinukiError('pipeline', `cannot read abbreviations ${path}`, { cause: e });
  }
  const map = (parsed as { abbreviations?: unknown } | null)?.abbreviations;
  if (typeof map !== 'object' || map === null || Array.isArray(map))
    throw new KirinukiError('pipeline', `${path}: "abbreviations" must be an object`);
  const out: Record<string, readonly string[]> = {};
  for (const [short, longs] of Object.entries(map)) {
    if (!Array.isArray(longs) || !longs.every((l) => typeof l === 'string'))
      throw new KirinukiError('pipeline', `${path}: "${short}" must be a list of strings`);
    out[short] = longs as string[];
  }
  return out;
}

/** A quote of a summary line that does not stand in its entry's text. */
export interface QuoteFlag {
  kind: 'quote';
  entryId: string;
  /** 1-based line of the summary line in the checked file; null for archive entries. */
  line: number | null;
  tag: string;
  speaker: string | null;
  quote: string;
  /** How many pieces the quote breaks into (at 。、, ellipses, nested brackets). */
  pieces: number;
  /** The pieces of the quote missing from the text. */
  missing: string[];
  nearest: NearestPassage | null;
}

/** A summary-line speaker that the entry's text never names. */
export interface SpeakerFlag {
  kind: 'speaker';
  entryId: string;
  line: number | null;
  tag: string;
  speaker: string;
}

export type CheckFlag = QuoteFlag | SpeakerFlag;

/** What the check found over a document or a day. */
export interface QuoteCheckReport {
  entries: number;
  /**
   * Quotes looked up: every 「…」 of a speaker segment (a term such as `年次総会「ダボス会議」`
   * is a context segment to the parser, so not one).
   */
  quotes: number;
  /** Quotes that stand in their entry's text. */
  passed: number;
  /** Speakers looked up, once per summary-line segment. */
  speakers: number;
  flags: CheckFlag[];
}

/** The knowledge a check needs: abbreviations for quotes, names and aliases for speakers. */
export interface QuoteCheckOptions {
  knowledge: Knowledge;
  abbreviations?: Abbreviations;
}

/**
 * Every quote and speaker of every summary line of a parsed clip document, looked up in its
 * entry's text. `source` (the document's text) gives each flag its line number.
 *
 * @example
 * const report = checkDocumentQuotes(parseClipDocument(text).document, { knowledge }, text);
 * report.flags.length === 0; // clean
 */
export function checkDocumentQuotes(
  doc: Document,
  options: QuoteCheckOptions,
  source?: string,
): QuoteCheckReport {
  const entries = documentEntries(doc);
  const lines = source === undefined ? null : summaryLineNumbers(entries, source);
  return checkEntries(entries, options, (e, i) => lines?.get(e)?.[i] ?? null);
}

/**
 * The same check over the entries filed for a day in the archive.
 *
 * @example
 * checkDayQuotes(archive, '2024-01-18', { knowledge }).flags;
 */
export function checkDayQuotes(
  archive: Archive,
  day: string,
  options: QuoteCheckOptions,
): QuoteCheckReport {
  const entries = archive.entriesOfDay(day).map((s) => s.entry);
  return checkEntries(entries, options, () => null);
}

function checkEntries(
  entries: readonly Entry[],
  options: QuoteCheckOptions,
  lineOf: (entry: Entry, summary: number) => number | null,
): QuoteCheckReport {
  const report: QuoteCheckReport = {
    entries: 0,
    quotes: 0,
    passed: 0,
    speakers: 0,
    flags: [],
  };
  for (const entry of entries) {
    if (entry.summaries.length === 0) continue;
    report.entries += 1;
    const text = entryText(entry);
    const named = namedInText(text, options, entry.post?.attribution ?? null);
    const prepared = named.prepared;
    entry.summaries.forEach((summary, i) => {
      const at = { entryId: entry.id, line: lineOf(entry, i), tag: summary.tag };
      for (const segment of summary.segments) {
        if (segment.kind !== 'quote') continue;
        for (const quote of segment.quotes) {
          report.quotes += 1;
          const m = matchQuote(quote, prepared);
          if (m.passes) report.passed += 1;
          else {
            const missing = m.pieces.filter((p) => p.found === null).map((p) => p.text);
            report.flags.push({
              kind: 'quote',
              ...at,
              speaker: segment.speaker,
              quote,
              pieces: m.pieces.length,
              missing,
              nearest: m.nearest,
            });
          }
        }
        const speaker = segment.speaker?.trim() ?? '';
        if (speaker === '') continue;
        const found = speakerNamed(speaker, named, options);
        // A topic before a quote (`西側地上部隊派遣「可能性は排除しない」`) is no one to name.
        if (found === 'topic') continue;
        report.speakers += 1;
        if (found === 'unnamed') report.flags.push({ kind: 'speaker', ...at, speaker });
      }
    });
  }
  return report;
}

interface NamedInText {
  prepared: PreparedQuoteText;
  /** Canonical names of the people and bodies the text mentions. */
  canonicals: Set<string>;
  /** Every form the text names someone or something by: as written, canonical, aliases. */
  forms: Set<string>;
  /** The post's attribution line (`— 東欧デスク (@handle) …`): the author is named there. */
  byline: PreparedQuoteText | null;
}

/**
 * The names the text mentions, and the text prepared for quotes with each name's forms as
 * equivalents — its aliases and the forms the text writes it in (`キム総書記` after
 * `キム・ジョンウン(金正恩)`) — since a curator may write a name in any of them.
 */
function namedInText(
  text: string,
  options: QuoteCheckOptions,
  attribution: string | null,
): NamedInText {
  const forms = new Map<string, Set<string>>();
  for (const m of findMentions(text, options.knowledge)) {
    if (m.canonical === null || m.kind === 'role' || m.kind === 'coref') continue;
    let f = forms.get(m.canonical);
    if (f === undefined) {
      f = new Set(aliasesOf(m.canonical, options.knowledge));
      f.add(m.canonical);
      forms.set(m.canonical, f);
    }
    f.add(m.surface);
  }
  const matchOptions: QuoteMatchOptions = {
    abbreviations: options.abbreviations,
    equivalents: [...forms.values()].map((f) => [...f]),
  };
  return {
    prepared: prepareQuoteText(text, matchOptions),
    canonicals: new Set(forms.keys()),
    forms: new Set([...forms.values()].flatMap((f) => [...f])),
    byline: attribution === null ? null : prepareQuoteText(attribution),
  };
}

/**
 * Whether the entry names a summary line's speaker (`named`, `unnamed`), or whether the phrase
 * before the quote is a topic rather than a speaker (`topic`): the curator's format lets
 * `context「quote」` stand for "said of this", and a phrase in which the gazetteer finds no one
 * and no title, which the text does not write as it is and which reads as a topic
 * (`西側地上部隊派遣`, see `readsAsTopic`), names no one to look for. The entry names the speaker when it is written as the curator wrote it, in the
 * text or as the post's author in its attribution line; or, for the people (else the bodies)
 * the speaker phrase names, each mentioned in the text under any of its names
 * (`ウラジーミル・プーチン` = `プーチン大統領`, `崔善姫` = `チェ・ソニ`); or, without its titles,
 * made of names the text gives (`バシコルトスタン共和国内務省` for `バシコルトスタン共和国の内務省`,
 * `ロシア常駐代表部` for `🇷🇺常駐代表部`); or, when the gazetteer finds no one in it, the phrase
 * without its titles standing in the text.
 */
function speakerNamed(
  speaker: string,
  named: NamedInText,
  options: QuoteCheckOptions,
): 'named' | 'unnamed' | 'topic' {
  const k = options.knowledge;
  const stands = (s: string): boolean => matchQuote(s, named.prepared).passes;
  const answer = (yes: boolean) => (yes ? 'named' : 'unnamed');
  if (stands(speaker)) return 'named';
  if (named.byline !== null && matchQuote(speaker, named.byline).passes) return 'named';
  const core = withoutTitles(speaker, k);
  if (madeOfNames(core, named.forms)) return 'named';
  const mentions = findMentions(speaker, k).filter((m) => m.kind !== 'role' && m.kind !== 'coref');
  const people = mentions.filter((m) => m.kind === 'person');
  const required = people.length > 0 ? people : mentions;
  if (required.length > 0)
    return answer(
      required.every(
        (m) =>
          (m.canonical !== null && named.canonicals.has(m.canonical)) ||
          stands(m.surface) ||
          aliasesOf(m.canonical ?? m.surface, k).some(stands),
      ),
    );
  if (core === speaker && readsAsTopic(speaker, k)) return 'topic';
  return answer(core !== '' && stands(core));
}

// Kanji (and ・ between them) only: a name in kana or letters is someone the gazetteer may
// not know, so it stays a speaker to look for.
const KANJI_PHRASE = /^[\p{Script=Han}々・]+$/u;

/**
 * Whether a phrase the gazetteer finds no one in reads as a topic (`西側地上部隊派遣`,
 * `4州帰属承認`) rather than an unknown speaker: kanji only, longer than a personal name
 * (five or more), and not ending as a body does (`…委員会`, `…省`, `…通信`).
 */
function readsAsTopic(phrase: string, k: Knowledge): boolean {
  if (phrase.length < 5 || !KANJI_PHRASE.test(phrase)) return false;
  for (let i = 1; i < phrase.length; i += 1)
    if (k.organisationSuffixes.longestAt(phrase, i)?.end === phrase.length) return false;
  return true;
}

// What may join two names in a speaker phrase: `ロシアの外務省`, `ベルギー、デクロー`.
const JOINERS = /[の・、,\s]/u;

/**
 * Whether a phrase is a run of names the text gives, joined at most by の, ・ or a comma: a
 * curator glues a body to its country (`バシコルトスタン共和国内務省`) where the text wrote
 * `の` between them, or names a country the text showed as a flag.
 */
function madeOfNames(phrase: string, forms: ReadonlySet<string>): boolean {
  const p = normaliseForMatch(phrase);
  if (p === '') return false;
  const known = [...forms].map(normaliseForMatch).filter((f) => f.length >= 2);
  // reach[i]: the first i characters are names and joiners.
  const reach = new Uint8Array(p.length + 1);
  reach[0] = 1;
  for (let i = 0; i < p.length; i += 1) {
    if (reach[i] === 0) continue;
    if (i > 0 && JOINERS.test(p[i] ?? '')) reach[i + 1] = 1;
    for (const f of known) if (p.startsWith(f, i)) reach[i + f.length] = 1;
  }
  return reach[p.length] === 1;
}

/** The phrase with the titles at its end taken off (`外務省報道官` → `外務省`). */
function withoutTitles(phrase: string, k: Knowledge): string {
  let s = phrase.trim();
  for (;;) {
    let cut = 0;
    for (let len = Math.min(k.maxTitleLength, s.length - 1); len > 0; len -= 1)
      if (k.titles.has(s.slice(s.length - len))) {
        cut = len;
        break;
      }
    if (cut === 0) return s;
    s = s.slice(0, s.length - cut);
  }
}

/**
 * The 1-based source line of each summary line, per entry: the summary lines stand in the
 * source in document order, their `raw` text exact, so one forward scan finds them.
 */
function summaryLineNumbers(
  entries: readonly Entry[],
  source: string,
): Map<Entry, (number | null)[]> {
  const lines = source.split(/\r\n|\r|\n/);
  const out = new Map<Entry, (number | null)[]>();
  let at = 0;
  for (const entry of entries) {
    const numbers: (number | null)[] = [];
    for (const s of entry.summaries) {
      let i = at;
      while (i < lines.length && lines[i] !== s.raw) i += 1;
      if (i < lines.length) {
        numbers.push(i + 1);
        at = i + 1;
      } else numbers.push(null);
    }
    out.set(entry, numbers);
  }
  return out;
}
