import { mentionAt, type Mention } from './mention.js';

/** Bodies shorter than this name nothing on their own (`軍`, `政府`, `当局`). */
const MIN_STANDALONE_GENERIC = 3;

/**
 * Joins a country or place written right before a generic body into one organisation
 * (`ロシア` + `外務省` → `ロシア外務省`, `露` + `軍` → `ロシア軍`), keeps longer generic bodies on
 * their own (`内務省`), and drops the short ones that are only meaningful after a name.
 * Input and output are sorted by start.
 */
export function composeOrganisations(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (m.generic && m.kind === 'organisation' && prev && canQualify(prev, m)) {
      out[out.length - 1] = compound(text, prev, m);
    } else if (m.generic && m.kind === 'organisation' && m.end - m.start < MIN_STANDALONE_GENERIC) {
      continue;
    } else out.push(m);
  }
  return out;
}

function canQualify(prev: Mention, m: Mention): boolean {
  const kinds = ['country', 'place', 'organisation'];
  return (
    prev.phraseEnd === m.start && prev.via !== 'flag' && kinds.includes(prev.kind) && !prev.generic
  );
}

function compound(text: string, prev: Mention, m: Mention): Mention {
  return mentionAt(
    {
      ...m,
      surface: text.slice(prev.start, m.end),
      canonical: `${prev.canonical ?? prev.surface}${m.canonical ?? m.surface}`,
      org: prev.canonical,
      via: 'compound',
      generic: false,
    },
    prev.start,
    m.end,
    m.phraseEnd,
  );
}
