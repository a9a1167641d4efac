import { ADMINISTRATIVE_SUFFIX } from './forms.js';
import { mentionAt, type Mention } from './mention.js';

/** A kanji or katakana after a body: the word goes on (`軍需`). */
const WORD_GOES_ON = /[\p{Script=Han}\p{Script=Katakana}]/u;

/** Bodies shorter than this name nothing on their own (`軍`, `政府`, `当局`). */
const MIN_STANDALONE_GENERIC = 3;

/**
 * What a short body standing alone is followed by when it speaks or reports: `空軍は「…」`,
 * `警察によると`, `政府側は`.
 */
const SUBJECT_AFTER = /^(?:側)?(?:は|が|も|によると|によれば)/u;

/**
 * Joins a country or place written right before a generic body, or before it with の, into one
 * organisation (`ロシア` + `外務省` → `ロシア外務省`, `露` + `軍` → `ロシア軍`, `ポーランドの軍` →
 * `ポーランド軍`), keeps longer generic bodies on their own (`内務省`), and drops the short ones
 * that are only meaningful after a name — unless one stands as a word before a subject's
 * particle (`空軍は「…」と発表`): then it points back to the body it shortens, as `同省` does
 * (kind `coref`, its word as the title). Input and output are sorted by start.
 */
export function composeOrganisations(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (m.generic && m.kind === 'organisation' && prev && canQualify(text, prev, m)) {
      const joined = compound(text, prev, m);
      // `イランの国連代表部`: the country's mission to a body — the country with の goes on it too.
      const owner = out[out.length - 2];
      const ofCountry =
        prev.kind === 'organisation' && owner !== undefined && canQualify(text, owner, joined);
      if (ofCountry) {
        out.pop();
        out[out.length - 1] = compound(text, owner, joined);
      } else out[out.length - 1] = joined;
    } else if (m.generic && m.kind === 'organisation' && m.end - m.start < MIN_STANDALONE_GENERIC) {
      // Built by mentionAt, as every mention is, to keep one shape (see mention.ts).
      if (standsAsSubject(text, m))
        out.push(
          mentionAt(
            { ...m, kind: 'coref', title: m.surface, canonical: null },
            m.start,
            m.end,
            m.phraseEnd,
          ),
        );
    } else out.push(m);
  }
  return out;
}

/** `空軍は`: a short body as a word of its own (no kanji or katakana before it) and a subject. */
function standsAsSubject(text: string, m: Mention): boolean {
  if (WORD_GOES_ON.test(text.charAt(m.start - 1))) return false;
  return SUBJECT_AFTER.test(text.slice(m.end, m.end + 4));
}

function canQualify(text: string, prev: Mention, m: Mention): boolean {
  if (prev.via === 'flag' || prev.generic) return false;
  if (prev.phraseEnd === m.start) return ['country', 'place', 'organisation'].includes(prev.kind);
  // With の, only a place's or country's (`ドネツク市の`): `国連の報道官` is a role of the UN;
  // and only a body standing as a word: `ドニプロの軍需工場` is no army.
  const between = text.slice(prev.phraseEnd, m.start);
  if (WORD_GOES_ON.test(text.charAt(m.end))) return false;
  return (
    (between === 'の' ||
      (between.length === 2 &&
        between.endsWith('の') &&
        ADMINISTRATIVE_SUFFIX.test(between[0] ?? ''))) &&
    ['country', 'place'].includes(prev.kind)
  );
}

function compound(text: string, prev: Mention, m: Mention): Mention {
  return mentionAt(
    {
      ...m,
      surface: text.slice(prev.start, m.end),
      // `ドネツク市の軍政当局` → `ドネツク市軍政当局`: what stands between, less its の.
      canonical: `${prev.canonical ?? prev.surface}${text.slice(prev.phraseEnd, m.start).replace(/の$/u, '')}${m.canonical ?? m.surface}`,
      org: prev.canonical,
      via: 'compound',
      generic: false,
    },
    prev.start,
    m.end,
    m.phraseEnd,
  );
}
