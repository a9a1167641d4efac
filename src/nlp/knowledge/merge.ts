import type { CaveatPhrase, KnowledgeEntity, KnowledgeFile, Outlet } from './schema.js';

/** All knowledge files merged into one: the input of {@link compileKnowledge}. */
export interface KnowledgeSource {
  titles: string[];
  titlePrefixes: string[];
  titleSuffixes: string[];
  titleTopics: string[];
  roles: string[];
  corefPerson: string[];
  corefOrganisation: string[];
  corefTitlePrefix: string;
  speechVerbs: string[];
  speechNouns: string[];
  namingMarkers: string[];
  termCues: string[];
  titleCues: string[];
  titleMarkers: string[];
  passiveSpeechVerbs: string[];
  agentParticles: string[];
  voiceVerbs: string[];
  firstPersonWords: string[];
  speechMarks: string[];
  commentMarks: string[];
  quotativeVerbs: string[];
  clauseBreaks: string[];
  statementNouns: string[];
  cataphora: string[];
  selfReferences: string[];
  surnames: string[];
  shortGivenNameSurnames: string[];
  dictionarySurnames: string[];
  givenNames: string[];
  kanaSurnames: string[];
  kanaGivenNames: string[];
  organisationSuffixes: string[];
  personGroups: string[];
  bodyHeads: string[];
  personWords: string[];
  outletStatementNouns: string[];
  bodyVerbs: string[];
  countryVerbs: string[];
  titleSpeechNouns: string[];
  surnameParticles: string[];
  quantityWords: string[];
  relationWords: string[];
  notNames: string[];
  termHeads: string[];
  subjectMarkers: SubjectMarkers;
  reportEndings: string[];
  clauseReportEndings: string[];
  caveats: CaveatPhrase[];
  entities: KnowledgeEntity[];
  outlets: Outlet[];
  flags: Record<string, string>;
  abbreviations: Record<string, string>;
  abbreviationAlone: string[];
  abbreviationHeads: string[];
  abbreviationStops: string[];
}

const LIST_KEYS = [
  'titles',
  'titlePrefixes',
  'titleSuffixes',
  'titleTopics',
  'roles',
  'speechVerbs',
  'speechNouns',
  'namingMarkers',
  'termCues',
  'titleCues',
  'titleMarkers',
  'passiveSpeechVerbs',
  'agentParticles',
  'voiceVerbs',
  'firstPersonWords',
  'speechMarks',
  'commentMarks',
  'quotativeVerbs',
  'clauseBreaks',
  'statementNouns',
  'cataphora',
  'selfReferences',
  'surnames',
  'shortGivenNameSurnames',
  'dictionarySurnames',
  'givenNames',
  'kanaSurnames',
  'kanaGivenNames',
  'organisationSuffixes',
  'personGroups',
  'bodyHeads',
  'personWords',
  'outletStatementNouns',
  'bodyVerbs',
  'countryVerbs',
  'titleSpeechNouns',
  'surnameParticles',
  'quantityWords',
  'relationWords',
  'notNames',
  'termHeads',
  'reportEndings',
  'clauseReportEndings',
  'abbreviationAlone',
  'abbreviationHeads',
  'abbreviationStops',
] as const;

/** An empty source, to merge files into. */
export function emptyKnowledgeSource(): KnowledgeSource {
  return {
    titles: [],
    titlePrefixes: [],
    titleSuffixes: [],
    titleTopics: [],
    roles: [],
    corefPerson: [],
    corefOrganisation: [],
    corefTitlePrefix: '同',
    speechVerbs: [],
    speechNouns: [],
    namingMarkers: [],
    termCues: [],
    titleCues: [],
    titleMarkers: [],
    passiveSpeechVerbs: [],
    agentParticles: [],
    voiceVerbs: [],
    firstPersonWords: [],
    speechMarks: [],
    commentMarks: [],
    quotativeVerbs: [],
    clauseBreaks: [],
    statementNouns: [],
    cataphora: [],
    selfReferences: [],
    surnames: [],
    shortGivenNameSurnames: [],
    dictionarySurnames: [],
    givenNames: [],
    kanaSurnames: [],
    kanaGivenNames: [],
    organisationSuffixes: [],
    personGroups: [],
    bodyHeads: [],
    personWords: [],
    outletStatementNouns: [],
    bodyVerbs: [],
    countryVerbs: [],
    titleSpeechNouns: [],
    surnameParticles: [],
    quantityWords: [],
    relationWords: [],
    notNames: [],
    termHeads: [],
    subjectMarkers: { nameEndings: [], topic: [], ga: [], source: [], ownerSource: [] },
    reportEndings: [],
    clauseReportEndings: [],
    caveats: [],
    entities: [],
    outlets: [],
    flags: {},
    abbreviations: {},
    abbreviationAlone: [],
    abbreviationHeads: [],
    abbreviationStops: [],
  };
}

/**
 * Merges knowledge files in order: lists are unions, maps take the later value, and an entity
 * or outlet with the same canonical name as an earlier one replaces its type and org and adds
 * its aliases — so a user file extends or overrides the shipped data. `remove` takes words out
 * of every list and forgets entities by canonical name.
 *
 * @example
 * const src = mergeKnowledge([shipped, { entities: [{ canonical: 'キーウ', type: 'place', aliases: ['Kyiv'] }] }]);
 */
export function mergeKnowledge(files: readonly KnowledgeFile[]): KnowledgeSource {
  const out = emptyKnowledgeSource();
  for (const file of files) mergeOne(out, file);
  return out;
}

function mergeOne(out: KnowledgeSource, file: KnowledgeFile): void {
  for (const key of LIST_KEYS) out[key] = union(out[key], file[key] ?? []);
  out.corefPerson = union(out.corefPerson, file.coreference?.person ?? []);
  out.corefOrganisation = union(out.corefOrganisation, file.coreference?.organisation ?? []);
  out.corefTitlePrefix = file.coreference?.titlePrefix ?? out.corefTitlePrefix;
  for (const key of SUBJECT_KEYS)
    out.subjectMarkers[key] = union(out.subjectMarkers[key], file.subjectMarkers?.[key] ?? []);
  out.caveats = [...out.caveats.filter((c) => !file.caveats?.some((d) => d.phrase === c.phrase))];
  out.caveats.push(...(file.caveats ?? []));
  out.entities = mergeNamed(out.entities, file.entities ?? []);
  out.outlets = mergeNamed(out.outlets, file.outlets ?? []);
  out.flags = { ...out.flags, ...file.flags };
  out.abbreviations = { ...out.abbreviations, ...file.abbreviations };
  if (file.remove) removeWords(out, new Set(file.remove));
}

/** The word lists of `subjectMarkers`, merged as unions like the top-level lists. */
export interface SubjectMarkers {
  nameEndings: string[];
  topic: string[];
  ga: string[];
  source: string[];
  ownerSource: string[];
}

const SUBJECT_KEYS = ['nameEndings', 'topic', 'ga', 'source', 'ownerSource'] as const;

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function mergeNamed<T extends { canonical: string; aliases: string[] }>(
  earlier: readonly T[],
  later: readonly T[],
): T[] {
  const byName = new Map(earlier.map((e) => [e.canonical, e]));
  for (const e of later) {
    const old = byName.get(e.canonical);
    byName.set(e.canonical, old ? { ...old, ...e, aliases: union(old.aliases, e.aliases) } : e);
  }
  return [...byName.values()];
}

function removeWords(out: KnowledgeSource, gone: Set<string>): void {
  for (const key of LIST_KEYS) out[key] = out[key].filter((w) => !gone.has(w));
  out.corefPerson = out.corefPerson.filter((w) => !gone.has(w));
  out.corefOrganisation = out.corefOrganisation.filter((w) => !gone.has(w));
  out.caveats = out.caveats.filter((c) => !gone.has(c.phrase));
  out.entities = out.entities
    .filter((e) => !gone.has(e.canonical))
    .map((e) => ({ ...e, aliases: e.aliases.filter((a) => !gone.has(a)) }));
  out.outlets = out.outlets.filter((o) => !gone.has(o.canonical));
}
