import { z } from 'zod';
import { err, ok, type Diagnostic, type Result } from '../../model/index.js';

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
});

export type WritingLexicon = z.infer<typeof WritingLexiconSchema>;

/** The lexicon compiled once into the patterns the writer tests. */
export interface WritingRules {
  /** Dropped, in order, from the front of reported speech: `…によると、`, `会見で`, `また、`. */
  reportOpeners: readonly RegExp[];
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
}

// The longest word first, so an alternation never stops at a shorter word it starts with.
function alternation(words: readonly string[]): string {
  const escaped = [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&'));
  // An empty list matches nothing (not the empty string).
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
      new RegExp(`^${alternation(o.venues.words)}で、?`, 'u'),
      new RegExp(`^${alternation(o.connectives.words)}、?`, 'u'),
    ],
    pointingBack: new RegExp(`^(?:${groups.length > 0 ? groups.join('|') : '(?!)'})`, 'u'),
    connective: new RegExp(`^${alternation(lexicon.connectives.words)}[、,]?`, 'u'),
    spokesperson: new RegExp(`${alternation(lexicon.spokespersonTitles.words)}$`, 'u'),
    countryInTitle: new RegExp(`^${alternation(lexicon.countryInitials.words)}`, 'u'),
    gluedOrganisation: new RegExp(`${alternation(lexicon.organisationEndings.words)}$`, 'u'),
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
