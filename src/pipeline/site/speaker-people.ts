import { findMentions, type Knowledge } from '../../nlp/index.js';
import { normaliseForMatch } from '../../text/index.js';

/** The person a summary line's speaker names. */
export interface SpeakerPerson {
  /** Their name as the gazetteer knows it (`ゼレンスキー`), else as written. */
  name: string;
  /** The name normalised, which tells people apart (`ヴォロシン` and `ボロシン` are one). */
  key: string;
}

/**
 * Who a summary line's speaker is: the last person the annotator finds in the speaker as the
 * curator wrote it (`ウクライナ軍東部方面部隊、ドミトロ・ヴォロシン報道官` → ヴォロシン, `プーチン大統領` →
 * プーチン), or null for a body or a role with no name (`ロシア国防省`, `ハルキウ州知事`). Without
 * knowledge, the speaker as written is the person. Remembers each speaker it was asked about:
 * the same few hundred speakers recur across an archive.
 *
 * @example
 * const personOf = speakerPeople(knowledge);
 * personOf('ゼレンスキー大統領'); // { name: 'ゼレンスキー', key: 'ゼレンスキ' }
 */
export function speakerPeople(
  knowledge: Knowledge | undefined,
): (speaker: string) => SpeakerPerson | null {
  const known = new Map<string, SpeakerPerson | null>();
  return (speaker) => {
    let person = known.get(speaker);
    if (person === undefined) {
      person = personIn(speaker.trim(), knowledge);
      known.set(speaker, person);
    }
    return person;
  };
}

function personIn(speaker: string, knowledge: Knowledge | undefined): SpeakerPerson | null {
  if (speaker === '') return null;
  if (knowledge === undefined) return { name: speaker, key: normaliseForMatch(speaker) };
  const people = findMentions(speaker, knowledge).filter((m) => m.kind === 'person');
  const last = people[people.length - 1];
  if (last === undefined) return null;
  const name = last.canonical ?? last.surface;
  return { name, key: normaliseForMatch(name) };
}
