/**
 * Sentence and headline templates for the benchmark corpus: news-like Japanese built from the
 * vocabularies, with Zipf-distributed word choice.
 */
import {
  CASUALTIES,
  CONNECTIVES,
  EVENTS,
  NAME_HEADS,
  NAME_MIDS,
  NAME_TAILS,
  ORGS,
  PEOPLE,
  PLACES,
  QUOTE_PREDICATES,
  RARE_TITLES,
  TOPICS,
  VERBS,
  type Person,
} from './corpus-vocab.js';
import { Random, Zipf } from './random.js';

/** Surnames that occur in few clips: the "rare names" query class draws from the tail. */
export function rareNames(count = 3000, seed = 7): string[] {
  const rng = new Random(seed);
  const seen = new Set<string>();
  for (let tries = 0; seen.size < count && tries < count * 50; tries += 1) {
    const name = rng.pick(NAME_HEADS) + rng.pick(NAME_MIDS) + rng.pick(NAME_TAILS);
    seen.add(rng.chance(0.2) ? `${rng.pick(NAME_HEADS)}・${name}` : name);
  }
  return [...seen];
}

/** The word distributions one corpus draws from. */
export class Lexicon {
  readonly people = new Zipf(PEOPLE, 1.1);
  readonly rare = new Zipf(rareNames(), 0.9);
  readonly places = new Zipf(PLACES, 1.0);
  readonly orgs = new Zipf(ORGS, 1.0);
  readonly topics = new Zipf(TOPICS, 0.9);
  readonly verbs = new Zipf(VERBS, 1.0);
  readonly predicates = new Zipf(QUOTE_PREDICATES, 0.8);
  readonly events = new Zipf(EVENTS, 0.8);
}

/** Who an entry is mostly about: a well-known person, sometimes a rare one. */
export interface Cast {
  person: Person;
  rare: { name: string; title: string } | null;
}

export function castOf(rng: Random, lex: Lexicon): Cast {
  const rare = rng.chance(0.25) ? { name: lex.rare.draw(rng), title: rng.pick(RARE_TITLES) } : null;
  return { person: lex.people.draw(rng), rare };
}

/** How a speaker is written: `プーチン大統領` or just `プーチン`. */
export function speakerName(rng: Random, cast: Cast): string {
  if (cast.rare && rng.chance(0.5)) return cast.rare.name + cast.rare.title;
  return rng.chance(0.6) ? cast.person.name + cast.person.title : cast.person.name;
}

export function quoteText(rng: Random, lex: Lexicon): string {
  const q = `${lex.topics.draw(rng)}${lex.predicates.draw(rng)}`;
  return rng.chance(0.4) ? `${lex.places.draw(rng)}への${q}` : q;
}

export function headline(rng: Random, lex: Lexicon, cast: Cast): string {
  const p = cast.person;
  switch (rng.int(0, 3)) {
    case 0:
      return `${p.name}${p.title}、「${quoteText(rng, lex)}」 ${lex.places.draw(rng)}巡り`;
    case 1:
      return `${lex.places.draw(rng)}で${lex.topics.draw(rng)}${lex.events.draw(rng)}=${lex.orgs.draw(rng)}`;
    case 2:
      return `${p.country}、${lex.topics.draw(rng)}を${rng.pick(['強化', '検討', '拒否', '協議'])} ${p.name}氏が${lex.verbs.draw(rng)}`;
    default:
      return `焦点:${lex.topics.draw(rng)}と${lex.topics.draw(rng)}、${lex.places.draw(rng)}の行方`;
  }
}

/** One body sentence; `cast` keeps an entry about the same people. */
export function sentence(rng: Random, lex: Lexicon, cast: Cast): string {
  const lead = rng.pick(CONNECTIVES);
  const day = rng.int(1, 28);
  const p = cast.person;
  const who = cast.rare && rng.chance(0.3) ? cast.rare.name + cast.rare.title : p.name + p.title;
  switch (rng.int(0, 6)) {
    case 0:
      return `${lead}${p.country}の${who}は${day}日、${lex.topics.draw(rng)}について「${quoteText(rng, lex)}」と${lex.verbs.draw(rng)}。`;
    case 1:
      return `${lead}${lex.orgs.draw(rng)}によると、${lex.places.draw(rng)}で${lex.topics.draw(rng)}があり、${rng.int(2, 300)}人が${rng.pick(CASUALTIES)}。`;
    case 2:
      return `${lead}${who}は${lex.orgs.draw(rng)}との会談で、${lex.topics.draw(rng)}を巡り${rng.pick(['前向きな', '慎重な', '強硬な'])}考えを示した。`;
    case 3:
      return `${lead}${lex.orgs.draw(rng)}は${day}日、${lex.places.draw(rng)}に対する${lex.topics.draw(rng)}を${rng.pick(['実施した', '強化する', '見送る'])}と発表した。`;
    case 4:
      return `${lead}関係筋によると、${lex.orgs.draw(rng)}は約${rng.int(2, 900)}億ドル規模の${lex.topics.draw(rng)}を検討している。`;
    case 5:
      return `${lead}${lex.places.draw(rng)}では${lex.topics.draw(rng)}${lex.events.draw(rng)}。`;
    default:
      return `${lead}${who}は「${quoteText(rng, lex)}。${quoteText(rng, lex)}」と${lex.verbs.draw(rng)}。`;
  }
}
