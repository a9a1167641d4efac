import { z } from 'zod';

/**
 * One knowledge file (`data/nlp/*.json` or a user's own): every key is optional, so a user file
 * can add a few aliases without repeating the rest. Files are merged in order; see merge.ts.
 */
export const KnowledgeEntitySchema = z.object({
  canonical: z.string().min(1),
  type: z.enum(['person', 'organisation', 'place', 'country']),
  aliases: z.array(z.string().min(1)).default([]),
  /** The person's or body's country or organisation, used when the text does not say. */
  org: z.string().optional(),
  /** A body that needs a country before it to name one (`外務省` → `ロシア外務省`). */
  generic: z.boolean().optional(),
  /**
   * `false` when the canonical name alone is a common word (`マスク`, `プライス`): it is then not
   * looked for by itself, and the person is found by the aliases (`イーロン・マスク`) or by the
   * name's form before a title or 氏 (`プライス報道官`).
   */
  alone: z.boolean().optional(),
});
export type KnowledgeEntity = z.infer<typeof KnowledgeEntitySchema>;

export const OutletSchema = z.object({
  canonical: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** X handles without the `@`, compared case-insensitively. */
  handles: z.array(z.string().min(1)).default([]),
});
export type Outlet = z.infer<typeof OutletSchema>;

export const CaveatPhraseSchema = z.object({
  phrase: z.string().min(1),
  kind: z.enum(['unverified', 'no-evidence', 'disputed']),
});
export type CaveatPhrase = z.infer<typeof CaveatPhraseSchema>;

const words = z.array(z.string().min(1)).optional();

export const KnowledgeFileSchema = z
  .object({
    titles: words,
    /** Words written before any title to make another (`前` + `外相`, `首席` + `報道官`). */
    titlePrefixes: words,
    /** Words written after any title to make another (`次官` + `補`, `知事` + `代行`). */
    titleSuffixes: words,
    /**
     * What a minister, aide or editor is in charge of, written before a title with or without
     * 担当 (`経済再生` + `担当相`, `経済再生` + `相`, `政治` + `担当編集長`).
     */
    titleTopics: words,
    roles: words,
    coreference: z
      .object({ person: words, organisation: words, titlePrefix: z.string().optional() })
      .optional(),
    speechVerbs: words,
    speechNouns: words,
    namingMarkers: words,
    termCues: words,
    /** Words for a work right before its title in brackets (`著書『…』`, `映画「…」`): a term. */
    titleCues: words,
    /** What follows a work's title in brackets (`『…』を出版`, `『…』の著者`): a term. */
    titleMarkers: words,
    /** Passive report verbs right after と (`『…』と言われた`): speech only with an agent named before. */
    passiveSpeechVerbs: words,
    /** Particles after the agent of a passive report (`上官から『…』と言われた`). */
    agentParticles: words,
    /**
     * Verbs of voices rising after `「…」という声が` (`上が`, `相次`): the words are those of whom
     * they rise from (`会場からは「…」という声が上がった`).
     */
    voiceVerbs: words,
    /** Words a speaker names themself with (`私`, `我々`): inside a quote, its speaker. */
    firstPersonWords: words,
    speechMarks: words,
    commentMarks: words,
    /** Verbs that make a quote speech only right after its quotative と (`「…」とある`). */
    quotativeVerbs: words,
    /** Where a clause ends inside a sentence (`ものの、`); a subject before it speaks no later quote. */
    clauseBreaks: words,
    /** Nouns for a written statement, pointed back to by `声明では「…」`. */
    statementNouns: words,
    /** Words that point ahead to a quote (`次のように`, `こう`). */
    cataphora: words,
    /**
     * How an account names itself in its own post (`当館`, `当社`): the post's author, named on
     * its credit line, is then who speaks (`当館は以下の通りコメントする。「…」`).
     */
    selfReferences: words,
    /** Surnames written in kanji, to tell `松野博一官房長官` or `汪文斌副報道局長` from a body. */
    surnames: words,
    /**
     * Family names (of `surnames`) that often take a one-kanji given name (`王毅`, `朴振`): a
     * run of two kanji opening with one is a person before a title of two or more characters.
     */
    shortGivenNameSurnames: words,
    /**
     * Surnames and given names written in kanji from a name dictionary (IPADIC's person
     * names, `data/nlp/names-ipadic.json`): a run `surname + given name` before a title is a
     * person (`山村健太准教授`) even when the surname is not in the short `surnames` list.
     */
    dictionarySurnames: words,
    givenNames: words,
    /** East Asian surnames in katakana, written first (`チェ・ソニ`): such a name is not cut to its last part. */
    kanaSurnames: words,
    /**
     * Given names written in katakana that open a full name (`アナスタシア・…`, `ボフダン・…`): a
     * full name opening with one is a person wherever it stands, with no title.
     */
    kanaGivenNames: words,
    /** Endings that make a run of kanji or katakana a body (`党中央軍事委員会`, `刑務所当局`). */
    organisationSuffixes: words,
    /** A person's camp, team or government (`陣営`, `政権`): `トランプ陣営` speaks as a body. */
    personGroups: words,
    /**
     * Words for a kind of body written before its name in brackets (`団体`: `人権団体「メモリアル」`,
     * `シンクタンク「戦争研究所」`): the bracket names a body that may speak later (`同研究所は`).
     */
    bodyHeads: words,
    /**
     * Words an unnamed speaker's phrase ends in when it is one person or a few, not an office
     * (`母親`, `住民`): such a topic sets whom the text is about, as a named person does.
     */
    personWords: words,
    /** Statement nouns that are an outlet's (`記事`): their issuer is the outlet that reported. */
    outletStatementNouns: words,
    /** Verbs a body reports with (`発表した`, `伝えた`): words said so may be a body's. */
    bodyVerbs: words,
    /** Particles that belong to the family name after them (`アル・ハマディ`, `フォン・デア・ライエン`): the name a person goes by keeps them. */
    surnameParticles: words,
    /** Nouns that, written right after a title, make it its holder's words (`首相答弁`, `外相談話`): the title stands, though kanji follow it. */
    titleSpeechNouns: words,
    /** Verbs a country speaks with as its government (`表明した`, `非難した`); words a country says with another verb are more often a person's. */
    countryVerbs: words,
    /** Words before の that count people rather than tell which (`複数の当局者`): not part of how the text names a role. */
    quantityWords: words,
    /** Words for a person's relation written before their name (`妻ユリアさん`): part of how the text names them. */
    relationWords: words,
    /** Katakana words that are never a person's name, though they may stand as a subject. */
    notNames: words,
    /** Nouns that end the names of plans, events and things (`…作戦`, `…会議`, `…船団`). */
    termHeads: words,
    /**
     * What follows a name that stands as a subject: endings that belong to the name (`ら`,
     * `側`, `紙`), topic particles (`は`), `が`, source phrases (`によると`), and the source
     * phrases of `Xの…によると` / `Xの…では`.
     */
    subjectMarkers: z
      .object({
        nameEndings: words,
        topic: words,
        ga: words,
        source: words,
        ownerSource: words,
      })
      .optional(),
    /** Endings that close a sentence reporting speech after its と (`という`, `としている`). */
    reportEndings: words,
    /** Endings that close a clause reporting speech, before a comma (`としていて`). */
    clauseReportEndings: words,
    caveats: z.array(CaveatPhraseSchema).optional(),
    entities: z.array(KnowledgeEntitySchema).optional(),
    outlets: z.array(OutletSchema).optional(),
    flags: z.record(z.string(), z.string()).optional(),
    abbreviations: z.record(z.string(), z.string()).optional(),
    abbreviationAlone: words,
    abbreviationHeads: words,
    abbreviationStops: words,
    /** Words to take out of any list above, and entity canonicals to forget. */
    remove: words,
  })
  .strict();
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;
