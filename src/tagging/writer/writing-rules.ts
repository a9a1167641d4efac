import { z } from 'zod';
import { err, ok, type Diagnostic, type Result } from '../../model/index.js';
import { HIRAGANA_CLASS, KANJI_CLASS, KATAKANA_CLASS } from '../../text/index.js';

const Words = z.object({ about: z.string().optional(), words: z.array(z.string().min(1)) });
const Group = z.object({
  words: z.array(z.string().min(1)).min(1),
  followedBy: z.array(z.string().min(1)).optional(),
  notFollowedBy: z.array(z.string().min(1)).optional(),
});

/**
 * The words the summary-line writer knows, as `data/tagging/writing.json` holds them (the
 * pipeline reads the file and passes the rules in: the writer reads no files). Each list says
 * in the file what it is for.
 */
export const WritingLexiconSchema = z.object({
  version: z.literal(1),
  about: z.string().optional(),
  reportOpeners: z.object({
    about: z.string().optional(),
    sources: Words,
    venues: Words,
    connectives: Words,
  }),
  connectives: Words,
  pointingBack: z.object({ about: z.string().optional(), groups: z.array(Group) }),
  spokespersonTitles: Words,
  countryInitials: Words,
  organisationEndings: Words,
  meetingReports: Words,
  voice: z.object({
    about: z.string().optional(),
    address: z.array(z.string().min(1)),
    appeals: z.array(z.string().min(1)),
  }),
});

export type WritingLexicon = z.infer<typeof WritingLexiconSchema>;

/** The lexicon compiled once into the patterns the writer tests. */
export interface WritingRules {
  /** Dropped, in order, from the front of reported speech: `…によると、`, `会見で`, `また、`. */
  reportOpeners: readonly RegExp[];
  /** A sentence that opens by naming its source: group 1 the source, group 2 what it says. */
  credited: RegExp;
  /** A quote that opens with a reference to something before it. */
  pointingBack: RegExp;
  /** A connective at the start of a sentence, with its comma. */
  connective: RegExp;
  /** A spokesperson's title, at its end. */
  spokesperson: RegExp;
  /** A title that starts with a country's one-character abbreviation. */
  countryInTitle: RegExp;
  /** An organisation whose name reads as one word with the speaker after it. */
  gluedOrganisation: RegExp;
  /** Reported speech that ends by saying only that a meeting took place. */
  meetingReport: RegExp;
  /** Words that address the listeners, anywhere in a sentence. */
  address: RegExp;
  /** A sentence ending that asks or urges, its final stop and spaces allowed after it. */
  appeal: RegExp;
}

// The longest word first, so an alternation never stops at a shorter word it starts with.
function alternation(words: readonly string[]): string {
  const escaped = [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escape);
  // An empty list matches nothing (not the empty string).
  return escaped.length === 0 ? '(?!)' : `(?:${escaped.join('|')})`;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

// What would continue a word ending in each script: a word is only a word when the character
// after it cannot be more of it (または is no また, ただちに no ただ, 一方的 and 一方は no 一方).
const CONTINUES: readonly [RegExp, string][] = [
  [new RegExp(`[${HIRAGANA_CLASS}]$`, 'u'), HIRAGANA_CLASS],
  [new RegExp(`[${KANJI_CLASS}]$`, 'u'), KANJI_CLASS + HIRAGANA_CLASS],
  [new RegExp(`[${KATAKANA_CLASS}]$`, 'u'), KATAKANA_CLASS],
];

/**
 * Words at the start of a sentence, each ending at a comma or where the next character cannot
 * continue it, the comma taken with the word. Longest first, like {@link alternation}.
 */
function leadingWords(words: readonly string[]): string {
  const escaped = [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => {
      const next = CONTINUES.find(([end]) => end.test(w))?.[1];
      // A word ending in anything else (a symbol, a bracket) ends where it is written.
      const boundary = next === undefined ? '|' : `|(?![${next}])`;
      return `${escape(w)}(?:[、,]${boundary})`;
    });
  return escaped.length === 0 ? '(?!)' : `(?:${escaped.join('|')})`;
}

/**
 * Compiles a lexicon into the writer's patterns.
 *
 * @example
 * const rules = compileWritingRules(lexicon);
 * rules.spokesperson.test('報道官'); // true
 */
export function compileWritingRules(lexicon: WritingLexicon): WritingRules {
  const { reportOpeners: o } = lexicon;
  const groups = lexicon.pointingBack.groups.map((g) => {
    const after = g.followedBy ? alternation(g.followedBy) : '';
    const notAfter = g.notFollowedBy ? `(?!${alternation(g.notFollowedBy)})` : '';
    return `${alternation(g.words)}${notAfter}${after}`;
  });
  return {
    reportOpeners: [
      // The source is a short phrase without punctuation or quotes of its own.
      new RegExp(`^[^、。「」]{1,25}${alternation(o.sources.words)}、`, 'u'),
      new RegExp(`^${alternation(o.venues.words)}${leadingWords(['で'])}`, 'u'),
      new RegExp(`^${leadingWords(o.connectives.words)}`, 'u'),
    ],
    pointingBack: new RegExp(`^(?:${groups.length > 0 ? groups.join('|') : '(?!)'})`, 'u'),
    connective: new RegExp(`^${leadingWords(lexicon.connectives.words)}`, 'u'),
    spokesperson: new RegExp(`${alternation(lexicon.spokespersonTitles.words)}$`, 'u'),
    countryInTitle: new RegExp(`^${alternation(lexicon.countryInitials.words)}`, 'u'),
    gluedOrganisation: new RegExp(`${alternation(lexicon.organisationEndings.words)}$`, 'u'),
    credited: new RegExp(
      `^([^、。「」]{1,25}?)${alternation(o.sources.words)}[、,]?\\s*([^]+)$`,
      'u',
    ),
    meetingReport: new RegExp(`${alternation(lexicon.meetingReports.words)}$`, 'u'),
    address: new RegExp(alternation(lexicon.voice.address), 'u'),
    // A question or exclamation mark is an appeal too, whatever the list says.
    appeal: new RegExp(`(?:${alternation(lexicon.voice.appeals)}|[?？!！])[。.\\s]*$`, 'u'),
  };
}

/**
 * Reads a writing lexicon (the text of `data/tagging/writing.json` or a user's copy) and
 * compiles it.
 *
 * @example
 * const r = parseWritingRules(readFileSync('data/tagging/writing.json', 'utf8'));
 * if (r.ok) proposeSummaryLine(entry, annotations, '露朝', r.value, style);
 */
export function parseWritingRules(text: string): Result<WritingRules, Diagnostic> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(problem(`not JSON: ${e instanceof Error ? e.message : String(e)}`));
  }
  const r = WritingLexiconSchema.safeParse(json);
  if (r.success) return ok(compileWritingRules(r.data));
  const first = r.error.issues[0];
  return err(problem(`${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`));
}

function problem(message: string): Diagnostic {
  return { severity: 'error', message: `tagging: writing lexicon: ${message}` };
}
