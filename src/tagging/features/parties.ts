import { normaliseForMatch } from '../../text/index.js';
import { glossaryTerms, type Glossary } from './glossary.js';

// A capitalised English name of one to three words, after an optional "the".
const NAME = String.raw`(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})`;
// The description opens with two names joined by "and" ("Russia and Iran together: …").
const ENGLISH_PAIR = new RegExp(String.raw`^\s*${NAME}\s+(?:and|&)\s+${NAME}`, 'u');
// A Japanese description that opens with two parties acting together as its subject:
// 「ロシアと北朝鮮が組む動き」. `XとYの…` (西側とロシアの争い) is about something of theirs, not them.
const JAPANESE_PAIR = /^\s*([^\sと、。がの]{2,12})と([^\sと、。がの]{2,12})が/u;

/**
 * The parties a tag's description names as its subject together — "Russia and North Korea
 * together", 「ロシアとイランが組む動き」 — each as the normalised words that name it in
 * Japanese text (English names through the glossary, Japanese ones with the glossary's other
 * words for them). A tag about two parties together is
 * about neither alone: an entry that names only one of them says nothing of the tag, however
 * many of its other words (visits, talks, troops) it says. Empty when the description names no
 * such pair, or a name the glossary does not know.
 *
 * @example
 * describedParties('Russia and North Korea together: visits, talks', glossary);
 * // [['ロシア', '露'], ['北朝鮮', '朝鮮', '平壌', '金正恩']]
 */
export function describedParties(description: string, glossary: Glossary): string[][] {
  const english = ENGLISH_PAIR.exec(description);
  if (english) {
    const parties = [english[1] ?? '', english[2] ?? ''].map((name) =>
      glossaryTerms(name, glossary).flat(),
    );
    return parties.every((p) => p.length > 0) ? parties.map(normalisedWords) : [];
  }
  const japanese = JAPANESE_PAIR.exec(description);
  if (japanese)
    return [japanese[1] ?? '', japanese[2] ?? ''].map((name) =>
      normalisedWords([name, ...synonyms(name, glossary)]),
    );
  return [];
}

/**
 * The other words the glossary gives wherever it gives this one: 北朝鮮 is also written 平壌
 * and 金正恩 ("north korea"), so a text that names only those names the party too.
 */
function synonyms(name: string, glossary: Glossary): string[] {
  const n = normaliseForMatch(name);
  return Object.values(glossary)
    .filter((words) => words.some((w) => normaliseForMatch(w) === n))
    .flat();
}

function normalisedWords(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => normaliseForMatch(w)).filter((w) => w !== ''))];
}
