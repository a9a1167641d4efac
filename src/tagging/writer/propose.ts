import type { Annotations, Entry, Segment } from '../../model/index.js';
import { renderSummaryLine } from '../../format/index.js';
import { bigramSet, coverage } from './bigrams.js';
import { contextKeywords, headlinePhrases } from './context.js';
import { nameKey } from './names.js';
import { quoteCandidates, type Candidate } from './quotes.js';
import { homeCountries, type SpeakerScene } from './speaker.js';
import { DEFAULT_SUMMARY_STYLE, type SummaryStyle } from './style.js';

/** A proposed summary line: its text and its segments. */
export interface ProposedLine {
  raw: string;
  segments: Segment[];
}

const EMPTY: Annotations = { quotes: [], entities: [], dates: [], caveats: [], source: null };
// Without quotes a line is all context: a few keywords say what happened.
const CONTEXTS_WITHOUT_QUOTES = 3;

/**
 * Proposes a summary line for an entry under a tag, in the curator's shape:
 * `#Tag(context・speaker「quote」「quote」・speaker「quote」)`. Context keywords come first when
 * the curator usually opens with them; then the most newsworthy quotes within the style's
 * length budget and quote count, grouped by speaker in the order they were said. Deterministic.
 *
 * @example
 * proposeSummaryLine(entry, annotations, 'ウクライナ戦況', learnStyle(pastLines)).raw;
 * // '#ウクライナ戦況(チャシウヤール・シルスキー総司令官「状況は厳しいが、制御できている」)'
 */
export function proposeSummaryLine(
  entry: Entry,
  annotations: Annotations | null,
  tag: string,
  style: SummaryStyle = DEFAULT_SUMMARY_STYLE,
): ProposedLine {
  return proposeLine(entry, annotations, tag, style, { rivals: [], taken: [] });
}

/**
 * Proposes one line per tag of an entry (main tag first), each saying something of its own:
 * a quote goes to the line of the tag it speaks to most, and a later line never repeats a
 * quote of an earlier one. Deterministic.
 *
 * @example
 * proposeSummaryLines(entry, annotations, ['ウクライナドローン攻撃', '露斯'], style).map((l) => l.raw);
 * // ['#ウクライナドローン攻撃(ウクライナ空軍「…」)', '#露斯(ザハロワ報道官「…」)']
 */
export function proposeSummaryLines(
  entry: Entry,
  annotations: Annotations | null,
  tags: readonly string[],
  style: SummaryStyle = DEFAULT_SUMMARY_STYLE,
): ProposedLine[] {
  const taken: string[] = [];
  return tags.map((tag) => {
    const line = proposeLine(entry, annotations, tag, style, { rivals: tags, taken });
    for (const s of line.segments) if (s.kind === 'quote') taken.push(...s.quotes);
    return line;
  });
}

/** What the other lines of the same entry claim: their tags, and the quotes already used. */
interface Siblings {
  rivals: readonly string[];
  taken: readonly string[];
}

// A quote this much inside one already used says the same thing again.
const REPEAT = 0.6;

function proposeLine(
  entry: Entry,
  annotations: Annotations | null,
  tag: string,
  style: SummaryStyle,
  siblings: Siblings,
): ProposedLine {
  const a = annotations ?? EMPTY;
  const scene: SpeakerScene = { entry, annotations: a, style, homeCountries: homeCountries(a) };
  const used = siblings.taken.map(bigramSet);
  const candidates = quoteCandidates(
    a.quotes,
    scene,
    entry.post?.text ?? '',
    tag,
    siblings.rivals,
  ).filter((c) => !used.some((u) => coverage(bigramSet(c.text), u) >= REPEAT));
  // The curator's own habitual keywords always fit; headline pieces only for a curator who
  // usually opens with context, or when there is nothing to quote.
  const headline = style.contextShare >= 0.5 || candidates.length === 0;
  const limit = candidates.length === 0 ? CONTEXTS_WITHOUT_QUOTES : style.contextsPerLine;
  let contexts = contextKeywords(scene, tag, limit, headline);
  if (contexts.length === 0 && candidates.length === 0) contexts = fallbackContext(scene);
  const room = contexts.reduce((n, c) => n + c.length + 1, 0);
  const chosen = chooseQuotes(candidates, style, style.lengthBudget - room);
  const segments: Segment[] = [
    ...contexts
      .filter((c) => !repeatsQuote(c, chosen, a))
      .map((text) => ({ kind: 'context' as const, text })),
    ...groupBySpeaker(chosen),
  ];
  return { raw: renderSummaryLine(tag, segments), segments };
}

/**
 * Whether a context phrase says again what a chosen quote says or who says it: a line names
 * its speaker once (`ナワリヌイ氏が獄中投稿・ナワリヌイ「…」` is a defect) and quotes once.
 */
function repeatsQuote(context: string, chosen: readonly Candidate[], a: Annotations): boolean {
  const b = bigramSet(context);
  return chosen.some((c) => {
    const names = [c.quote.canonical, c.speaker, c.speaker && nameKey(c.speaker)];
    const person = a.entities.find((e) => e.canonical === c.quote.canonical)?.surface;
    if ([...names, person].some((n) => n && n.length >= 2 && context.includes(n))) return true;
    return coverage(b, bigramSet(c.text)) >= REPEAT;
  });
}

// A second quote must be worth this share of the best one.
const WORTH = 0.4;

/**
 * The best quotes that fit the budget (the best one always), in text order; after the first,
 * other speakers are preferred and weak quotes left out.
 */
function chooseQuotes(
  candidates: readonly Candidate[],
  style: SummaryStyle,
  budget: number,
): Candidate[] {
  const chosen: Candidate[] = [];
  const left = new Set(candidates);
  let room = budget;
  const best = candidates[0]?.score ?? 0;
  while (chosen.length < style.maxQuotes && left.size > 0) {
    const next = bestOf(left, chosen, sameSpeakerFactor(style));
    if (!next) break;
    left.delete(next.candidate);
    const c = next.candidate;
    if (chosen.length > 0 && next.score < WORTH * best) break;
    // A headline's condensed quote and the full one in the body: keep one.
    if (chosen.some((o) => coverage(bigramSet(c.text), bigramSet(o.text)) >= 0.6)) continue;
    const speakerCost = chosen.some((o) => o.speaker === c.speaker)
      ? 0
      : (c.speaker?.length ?? 0) + 1;
    const text = trimQuote(c.text, style.maxQuoteLength);
    const cost = speakerCost + text.length + 2;
    // The best quote goes in whatever the budget; the others only where they fit.
    if (chosen.length > 0 && cost > room) continue;
    chosen.push({ ...c, text });
    room -= cost;
  }
  return chosen.sort((a, b) => a.quote.start - b.quote.start);
}

/**
 * How much a further quote of an already quoted speaker counts: a curator who mostly gives one
 * quote per speaker sets one side against the other (half); one who strings a speaker's words
 * together does not mind (full).
 */
function sameSpeakerFactor(style: SummaryStyle): number {
  return Math.min(1, Math.max(0.5, style.quotesPerSpeaker - 0.5));
}

function bestOf(
  left: ReadonlySet<Candidate>,
  chosen: readonly Candidate[],
  same: number,
): { candidate: Candidate; score: number } | null {
  let top: { candidate: Candidate; score: number } | null = null;
  for (const c of left) {
    const score = c.score * (chosen.some((o) => o.speaker === c.speaker) ? same : 1);
    if (
      !top ||
      score > top.score ||
      (score === top.score && c.quote.start < top.candidate.quote.start)
    )
      top = { candidate: c, score };
  }
  return top;
}

/** One segment per speaker, at the place of their first quote, quotes in text order. */
function groupBySpeaker(chosen: readonly Candidate[]): Segment[] {
  const segments: Extract<Segment, { kind: 'quote' }>[] = [];
  for (const c of chosen) {
    const same = segments.find((s) => s.speaker === c.speaker);
    if (same) same.quotes.push(c.text);
    else segments.push({ kind: 'quote', speaker: c.speaker, quotes: [c.text], rest: '' });
  }
  return segments;
}

/**
 * A quote cut to `max` characters at a sentence end (the curator keeps whole sentences), or at
 * a comma when even the first sentence is too long.
 *
 * @example
 * trimQuote('準備はできている。交渉には応じる。条件は変えない', 17); // '準備はできている。交渉には応じる'
 */
export function trimQuote(text: string, max: number): string {
  if (text.length <= max) return text;
  const sentences = text.split(/(?<=[。！？!?])/u);
  let out = '';
  for (const s of sentences) {
    if ((out + s).length > max) break;
    out += s;
  }
  if (out === '') {
    const head = text.slice(0, max);
    const comma = head.lastIndexOf('、');
    out = comma >= max / 2 ? head.slice(0, comma) : head;
  }
  return out.replace(/[。、]+$/u, '');
}

function fallbackContext(scene: SpeakerScene): string[] {
  const phrases = headlinePhrases(scene);
  if (phrases.length > 0) return phrases.slice(0, CONTEXTS_WITHOUT_QUOTES);
  const first = (scene.entry.post?.text ?? scene.entry.body[0] ?? '').split(/[。\n]/u)[0] ?? '';
  return first.trim() === '' ? [] : [trimQuote(first.trim(), 40)];
}
