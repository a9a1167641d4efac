import type { Knowledge } from '../knowledge/index.js';
import { mention, type Coverage, type Mention } from './mention.js';

/**
 * Pronouns that point back to a named speaker (`彼`, `彼女`, `同省`); unnamed speakers such as
 * `兵士` come from the gazetteer. `彼ら` is plural and never one speaker, so it is left out.
 */
export function scanPronouns(text: string, k: Knowledge, cover: Coverage): Mention[] {
  const out: Mention[] = [];
  const add = (
    start: number,
    end: number,
    fields: Pick<Mention, 'kind'> & Partial<Mention>,
  ): void => {
    if (!cover.isFree(start, end)) return;
    out.push(mention(text, start, end, { via: 'title', ...fields }));
    cover.take(start, end);
  };
  for (const m of k.corefPerson.scan(text)) {
    if (text.charAt(m.end) === 'ら') continue;
    // `同筋` points back to the source named with 筋 (`外交筋`), as `同報道官` to a 報道官.
    const word = m.value.slice(k.corefTitlePrefix.length);
    const titled = m.value.startsWith(k.corefTitlePrefix) && word !== '氏';
    add(m.start, m.end, { kind: 'coref', title: titled ? word : null });
  }
  for (const m of k.corefOrganisation.scan(text))
    add(m.start, m.end, { kind: 'coref', title: m.value.slice(1), generic: true });
  return out;
}
