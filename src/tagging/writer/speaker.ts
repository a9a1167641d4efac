import type { Annotations, Entity, Entry, Quote } from '../../model/index.js';
import { HONORIFIC, nameKey, plainAuthorName, isSpokesperson } from './names.js';
import { wordsOutside } from './own-words.js';
import { annotatedText, entryWords } from './source-text.js';
import type { SummaryStyle } from './style.js';
import type { WritingRules } from './writing-rules.js';

/** What deciding how to write a speaker needs besides the quote. */
export interface SpeakerScene {
  entry: Entry;
  annotations: Annotations;
  style: SummaryStyle;
  /** The entry's most mentioned countries: their officials need no country before the name. */
  homeCountries: readonly string[];
  /** The words of data/tagging/writing.json: spokespeople, country initials, glued names. */
  rules: WritingRules;
}

/**
 * Writes the speaker of a quote as the curator would: the name with the title it first
 * appeared with (`シルスキー氏` → `シルスキー総司令官`), `氏` dropped, the curator's own form when
 * they have written this person before, the organisation before a spokesperson, and the country
 * before a foreign official of a country the entry is not mainly about. A commentary post's
 * unattributed words are the account's. Null when there is no speaker to name.
 *
 * @example
 * writeSpeaker(quote, scene); // 'チェコ、フィアラ首相'
 */
export function writeSpeaker(q: Quote, scene: SpeakerScene): string | null {
  if (q.speaker === null) return bracketed(q, scene.entry) ? null : commentator(scene);
  const person = titledMention(q, scene.annotations.entities);
  const written = person
    ? nameWithTitle(person, scene.style)
    : plain(q.speakerKind === 'unnamed' ? withoutClause(q.speaker) : q.speaker, scene.style);
  const known = person
    ? curatorForm(written, scene.style)
    : scene.style.speakers[written]
      ? written
      : null;
  // The curator's form is used only when this entry names it too: `崔善姫外相` for an entry that
  // writes チェ・ソニ would be a word from another day.
  if (known !== null && wordsOutside(known, entryWords(scene.entry)).length === 0) return known;
  // Every word of a line is its entry's: an organisation known only by its canonical name
  // (`英国` for an entry that writes イギリス) is not put before the speaker.
  const org = q.org;
  if (!scene.style.prefixCountries || org === null || names(written, org, scene)) return written;
  if (wordsOutside(org, entryWords(scene.entry)).length > 0) return written;
  if (!person) return `${org}${written}`;
  if (isSpokesperson(person.title, scene.rules)) return joinPrefix(org, written, scene.rules);
  const isCountry = scene.annotations.entities.some(
    (e) => e.type === 'country' && e.canonical === org,
  );
  if (!isCountry || scene.homeCountries.includes(org)) return written;
  // A title that starts with a country's abbreviation already says where the official is
  // from: ネルソン米財務次官.
  if (scene.rules.countryInTitle.test(person.title ?? '')) return written;
  return `${org}、${written}`;
}

/**
 * The countries mentioned most in the entry (the first two by mentions, ties by first
 * mention): what the entry is about, whose officials need no introduction.
 */
export function homeCountries(annotations: Annotations): string[] {
  const counts = new Map<string, number>();
  for (const e of annotations.entities)
    if (e.type === 'country') counts.set(e.canonical, (counts.get(e.canonical) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([c]) => c);
}

/** Whether the written speaker already names the organisation or country, in any spelling. */
function names(written: string, org: string, scene: SpeakerScene): boolean {
  if (written.includes(org)) return true;
  return scene.annotations.entities.some((e) => e.canonical === org && written.includes(e.surface));
}

/**
 * Whether a quote stands in brackets in the text. A commentary account's own words are its
 * plain sentences and its 🗣️ blocks; words it puts in brackets without saying whose they are
 * (`「ウクライナが必要とする限り支援する」。だが…`) are someone else's that it takes up, a slogan
 * or a phrase it mocks, and are not credited to the account.
 */
function bracketed(q: Quote, entry: Entry): boolean {
  const text = annotatedText(entry);
  return /[「『]/u.test(text[q.start - 1] ?? '') && /[」』]/u.test(text[q.end] ?? '');
}

function commentator(scene: SpeakerScene): string | null {
  const post = scene.entry.post;
  const individual = scene.annotations.source?.kind === 'individual' || post?.truncated === true;
  return post && individual ? plainAuthorName(post.authorName) : null;
}

/** The first mention of the speaker that carries a real title (not just 氏). */
function titledMention(q: Quote, entities: readonly Entity[]): Entity | null {
  if (q.canonical === null) return null;
  const mentions = entities.filter((e) => e.type === 'person' && e.canonical === q.canonical);
  return mentions.find((e) => e.title !== null && e.title !== HONORIFIC) ?? mentions[0] ?? null;
}

function nameWithTitle(person: Entity, style: SummaryStyle): string {
  const title = person.title ?? '';
  if (title === HONORIFIC) return style.dropHonorific ? person.surface : person.surface + title;
  return style.keepTitles ? person.surface + title : person.surface;
}

/**
 * An unnamed speaker without the clause the text tells them by: a curator writes `部隊の兵士`
 * for `東部の前線にいる部隊の兵士`, what the line's context already says.
 */
function withoutClause(speaker: string): string {
  const m = LEADING_CLAUSE.exec(speaker);
  return m && m[0].length < speaker.length ? speaker.slice(m[0].length) : speaker;
}

/** Everything up to the last verb ending right before a noun. */
const LEADING_CLAUSE =
  /^.*[うくぐすつぬぶむるただい](?=[\p{Script=Han}\p{Script=Katakana}0-9０-９])/u;

function plain(speaker: string, style: SummaryStyle): string {
  return style.dropHonorific && speaker.endsWith(HONORIFIC) && speaker.length > 2
    ? speaker.slice(0, -HONORIFIC.length)
    : speaker;
}

/** The form the curator wrote this person in most often; null for someone new to them. */
function curatorForm(written: string, style: SummaryStyle): string | null {
  const key = nameKey(written);
  if (key === null) return style.speakers[written] ? written : null;
  // Match people by their katakana name only; an organisation (ロシア国防省) is not a person.
  let best: [string, number] | null = null;
  for (const [form, n] of Object.entries(style.speakers))
    if (
      nameKey(form) === key &&
      (!best || n > best[1] || (n === best[1] && form.length > best[0].length))
    )
      best = [form, n];
  return best ? best[0] : null;
}

/** An organisation before its spokesperson: glued when its name reads as one word with them. */
function joinPrefix(org: string, written: string, rules: WritingRules): string {
  return rules.gluedOrganisation.test(org) ? `${org}${written}` : `${org}、${written}`;
}
