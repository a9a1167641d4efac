import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/index.js';
import { aliasesOf, canonicalName } from '../aliases.js';
import { extractEntities } from './index.js';

const k = loadKnowledge();
const entities = (text: string) =>
  extractEntities(text, k).map((e) => [e.type, e.surface, e.canonical, e.title]);

describe('extractEntities', () => {
  it('gives one canonical name to transliteration variants', () => {
    expect(entities('ハリコフとキエフ、ゼレンシキー氏')).toEqual([
      ['place', 'ハリコフ', 'ハルキウ', null],
      ['place', 'キエフ', 'キーウ', null],
      ['person', 'ゼレンシキー', 'ゼレンスキー', '氏'],
    ]);
    // The spelling most Japanese outlets use is the canonical one.
    expect(entities('シニェフボウ知事').map((e) => e[2])).toEqual(['シネグボフ']);
  });

  it('joins a place and a body written with の into one body, only where the body is a word', () => {
    expect(entities('ポーランドの軍は発表した')).toEqual([
      ['organisation', 'ポーランドの軍', 'ポーランド軍', null],
    ]);
    expect(entities('ドネツク市の軍政当局は')).toEqual([
      ['organisation', 'ドネツク市の軍政当局', 'ドネツク市軍政当局', null],
    ]);
    // 軍 of 軍需工場 is no army: the place stays a place.
    expect(entities('ドニプロの軍需工場を攻撃した')).toEqual([
      ['place', 'ドニプロ', 'ドニプロ', null],
    ]);
  });

  it('reads flag emoji as countries', () => {
    expect(entities('🇷🇺と🇺🇸')).toEqual([
      ['country', '🇷🇺', 'ロシア', null],
      ['country', '🇺🇸', '米国', null],
    ]);
  });

  it('finds unknown people through their titles, keeping the title apart', () => {
    expect(entities('ムーディーズのトーステン・ネストマン上級副社長は')).toEqual([
      ['organisation', 'ムーディーズ', 'ムーディーズ', null],
      ['person', 'トーステン・ネストマン', 'ネストマン', '上級副社長'],
    ]);
  });

  it('reads titles made of a listed title with a prefix or suffix written onto it', () => {
    expect(entities('楊光外務次官補は')).toEqual([['person', '楊光', '楊光', '外務次官補']]);
    expect(entities('カミシン前戦略産業相は')[0]?.slice(1)).toEqual([
      'カミシン',
      'カミシン',
      '前戦略産業相',
    ]);
    expect(entities('林剣副報道局長代行は')[0]?.[3]).toBe('副報道局長代行');
  });

  it('takes two kanji for a Chinese or Korean name only with a title of two or more characters', () => {
    expect(entities('孫哲報道官は')).toEqual([['person', '孫哲', '孫哲', '報道官']]);
    // `金融相` and `文化相` are titles, not 金 and 文 with a one-kanji given name.
    expect(entities('金融相は').filter((e) => e[0] === 'person')).toEqual([]);
    expect(entities('文化相は').filter((e) => e[0] === 'person')).toEqual([]);
  });

  it('reads a kanji name before さん, but not a relation or a role', () => {
    expect(entities('西村さんは')).toEqual([['person', '西村', '西村', 'さん']]);
    expect(entities('会社員田中さんは').find((e) => e[0] === 'person')?.[1]).toBe('田中');
    expect(entities('息子さんは').filter((e) => e[0] === 'person')).toEqual([]);
    // Family names written with a kana between kanji: `三ツ木`, `一ノ瀬`.
    expect(entities('通訳の三ツ木沙織さんは').find((e) => e[0] === 'person')?.[1]).toBe(
      '三ツ木沙織',
    );
    expect(entities('一ノ瀬健太氏は').find((e) => e[0] === 'person')?.[1]).toBe('一ノ瀬健太');
  });

  it('reads a kanji name before its reading in brackets and its title', () => {
    const person = (t: string) => entities(t).find((e) => e[0] === 'person')?.[2] ?? null;
    expect(person('慶南国際大学の崔慧琳（チェ・ヘリム）教授は')).toBe('崔慧琳');
    expect(person('外交部の金載勲（キム・ジェフン）第１次官は')).toBe('金載勲');
    expect(person('北朝鮮の国営テレビ（ＫＣＮＴ）報道官は')).toBeNull();
  });

  it('reads a name before the titles of trades and ranks (組合長, 選手, 軍曹)', () => {
    const person = (t: string) => entities(t).find((e) => e[0] === 'person')?.[2] ?? null;
    expect(person('地元漁協の川島義男組合長は')).toBe('川島義男');
    expect(person('国境なき医師団は')).toBeNull();
  });

  it('reads a one-kanji family name of the list alone before a title, not a prefix or a country', () => {
    const person = (t: string) => entities(t).find((e) => e[0] === 'person')?.[1] ?? null;
    expect(person('記者会見で林官房長官は述べた')).toBe('林');
    expect(person('前首相は述べた')).toBeNull();
    expect(person('米大統領は述べた')).toBeNull();
  });

  it('reads a kanji family name alone before a title as the full name written before', () => {
    const people = entities(
      '野党の崔允浩議員は述べた。崔議員は続けた。防衛省の佐伯真理子報道官と佐伯報道官。',
    )
      .filter((e) => e[0] === 'person')
      .map((e) => [e[1], e[2]]);
    expect(people).toEqual([
      ['崔允浩', '崔允浩'],
      ['崔', '崔允浩'],
      ['佐伯真理子', '佐伯真理子'],
      ['佐伯', '佐伯真理子'],
    ]);
  });

  it('reads four kanji before a title as a name when the last two are a given name', () => {
    expect(entities('政府の堀北康弘官房長官は').find((e) => e[0] === 'person')?.[1]).toBe(
      '堀北康弘',
    );
    expect(entities('外務政務官は').filter((e) => e[0] === 'person')).toEqual([]);
  });

  it('reads a kanji name before the body or department its title belongs to', () => {
    expect(
      entities('鄧立衡外務省報道官は')
        .find((e) => e[0] === 'person')
        ?.slice(1),
    ).toEqual(['鄧立衡', '鄧立衡', '外務省報道官']);
    expect(entities('杉浦修一防衛政策局長は')[0]?.slice(1)).toEqual([
      '杉浦修一',
      '杉浦修一',
      '防衛政策局長',
    ]);
    expect(entities('崔東勲第1次長は')[0]?.slice(1)).toEqual(['崔東勲', '崔東勲', '第1次長']);
  });

  it('prefers a two-kanji given name after a family name of the dictionary', () => {
    expect(entities('兵頭慎治政策研究部長は')[0]?.slice(1, 3)).toEqual(['兵頭慎治', '兵頭慎治']);
  });

  it('reads a paper or magazine written before a name it does not know as an outlet', () => {
    expect(entities('英誌エコノミストは')).toEqual([
      ['organisation', '英誌エコノミスト', 'エコノミスト', null],
    ]);
    expect(entities('伊紙ラレプブリカによると')[0]?.[2]).toBe('ラレプブリカ');
  });

  it('names a Western full name by its family name, an East Asian one in full', () => {
    const names = (text: string) => entities(text).map((e) => e[2]);
    expect(names('ジョン・スミス報道官は')).toEqual(['スミス']);
    expect(names('リ・ソンホ外相は')).toEqual(['リ・ソンホ']);
    // = joins a name as ＝ and ・ do, so the gazetteer's ジャンピエール is found.
    expect(names('カリーヌ・ジャン=ピエール報道官は')).toEqual(['ジャンピエール']);
  });

  it('finds kanji names before titles through a known surname, and 同氏 after other kanji', () => {
    expect(entities('汪文斌副報道局長は')).toEqual([['person', '汪文斌', '汪文斌', '副報道局長']]);
    expect(entities('王氏は')).toEqual([['person', '王', '王', '氏']]);
    expect(entities('金融相は')).toEqual([]);
    expect(entities('その際同氏は')).toEqual([]);
  });

  it('finds a kanji name the short surname list lacks when the name dictionary splits it', () => {
    expect(entities('山村健太准教授は')).toEqual([['person', '山村健太', '山村健太', '准教授']]);
    // Both halves must be names: a bureau is not a person.
    expect(entities('防衛政策局長は')).toEqual([]);
    expect(entities('西部軍管区司令官は')).toEqual([]);
  });

  it('finds a family name of the name dictionary alone before a title, but not a noun listed as none', () => {
    expect(entities('梶浦官房長官は')).toEqual([['person', '梶浦', '梶浦', '官房長官']]);
    expect(entities('芹沢外務大臣は')).toEqual([['person', '芹沢', '芹沢', '外務大臣']]);
    // Nouns that the dictionary also has as family names (`notNames`).
    expect(entities('院内代表は')).toEqual([]);
    expect(entities('西部司令官は')).toEqual([]);
    // One kanji alone is no family name of the dictionary's: titles stay titles.
    expect(entities('金融相は')).toEqual([]);
  });

  it('reads a three-kanji given name that ends in one of the dictionary (`宗一郎`)', () => {
    expect(entities('村瀬宗一郎市長は')).toEqual([['person', '村瀬宗一郎', '村瀬宗一郎', '市長']]);
  });

  it('reads a gazetteer name with a body and title after it as one mention of that person', () => {
    expect(entities('金正恩朝鮮労働党総書記は')).toEqual([
      ['person', '金正恩', '金正恩', '朝鮮労働党総書記'],
      ['organisation', '朝鮮労働党', '朝鮮労働党', null],
    ]);
  });

  it('takes no katakana word that is never a name for the holder of a title', () => {
    expect(entities('ベテラン下院議員は')).toEqual([]);
  });

  it('gives a family name in a headline the full name the body writes after it', () => {
    const found = entities('蔡総統「対話の扉は開いている」\n台湾の蔡文昌総統は会見した。');
    expect(found.filter((e) => e[0] === 'person').map((e) => e[2])).toEqual(['蔡文昌', '蔡文昌']);
  });

  it('reads a full name opening with a listed given name as a person, with no title', () => {
    expect(entities('専門家オレクシー・ストロジュクに話を聞いた')).toEqual([
      ['person', 'オレクシー・ストロジュク', 'ストロジュク', null],
    ]);
    // A name that opens with no given name of the list stays a body's (`ニューヨーク・タイムズ`).
    expect(entities('ポルト・アレグレの港').filter((e) => e[0] === 'person')).toEqual([]);
  });

  it('finds bodies by their form and joins them to the country before them', () => {
    expect(entities('国家防衛調整委員会が声明を出した').map((e) => e[2])).toEqual([
      '国家防衛調整委員会',
    ]);
    expect(entities('刑務所当局は').map((e) => e[2])).toEqual(['刑務所当局']);
    expect(entities('フランスメディアは').map((e) => e[2])).toEqual(['フランスメディア']);
    expect(entities('結局は').map((e) => e[2])).toEqual([]);
  });

  it('finds a person named without a title by how they speak', () => {
    const text =
      'ハーラは言う。「…」。ハーラに言わせれば、それは方便だ。「…」と言うのはリジェンコ。';
    expect(entities(text).map((e) => [e[0], e[2]])).toEqual([
      ['person', 'ハーラ'],
      ['person', 'ハーラ'],
      ['person', 'リジェンコ'],
    ]);
    expect(entities('ミサイルは飛んだ。ミサイルは述べた。')).toEqual([]);
  });

  it('reads Jiji-style name・country title', () => {
    expect(entities('プーチン・ロシア大統領は')).toEqual([
      ['person', 'プーチン', 'プーチン', '大統領'],
      ['country', 'ロシア', 'ロシア', null],
    ]);
  });

  it('reads a name no list has after its country and `・` (`ドイツ・X首相`)', () => {
    expect(entities('ノルウェー・ハウゲンスタッド首相は')).toEqual([
      ['country', 'ノルウェー', 'ノルウェー', null],
      ['person', 'ハウゲンスタッド', 'ハウゲンスタッド', '首相'],
    ]);
  });

  it('joins a country and a ministry into one organisation', () => {
    expect(entities('ロシア外務省と露軍')).toEqual([
      ['organisation', 'ロシア外務省', 'ロシア外務省', null],
      ['organisation', '露軍', 'ロシア軍', null],
    ]);
  });

  it('reads country abbreviations only where they are ones', () => {
    expect(entities('日米韓の首脳').map((e) => e[2])).toEqual(['日本', '米国', '韓国']);
    expect(entities('米を炊いた。独自に調べた。中東情勢')).toEqual([
      ['place', '中東', '中東', null],
    ]);
  });

  it('reads a one-kanji country opening a headline before a comma, a quote or a space', () => {
    expect(entities('米、「攻撃は容認できない」と非難\n本文').map((e) => e[2])).toEqual(['米国']);
    expect(entities('【ベルリン】独 防衛費を倍増へ').map((e) => e[2])).toEqual([
      'ベルリン',
      'ドイツ',
    ]);
    expect(entities('新米、「おいしい」と好評\n露天風呂「いい湯」')).toEqual([]);
  });

  it('takes a kanji run for a name when a katakana reading follows it (`河在勲(ハ・ジェフン)氏`)', () => {
    expect(entities('河在勲(ハ・ジェフン)氏は述べた。国際法(こくさいほう)の話')).toEqual([
      ['person', '河在勲', '河在勲', '氏'],
    ]);
  });

  it('keeps the particles of a family name in the name a person goes by (`アル・ハマディ`)', () => {
    expect(
      entities('サイード・アル・ハマディ次官補と、ヘンク・ファン・ダイク氏').map((e) => e[2]),
    ).toEqual(['アル・ハマディ', 'ファン・ダイク']);
  });

  it('reads a title with its topic (`人権問題担当全権`) after a known name', () => {
    expect(entities('議会のルビネツ人権問題担当全権は訴えた').map((e) => [e[2], e[3]])).toEqual([
      ['ルビネツ', '人権問題担当全権'],
    ]);
  });

  it('does not take a known one-part name for a given name before another (`パーベル・…`)', () => {
    expect(entities('パーベル・ゴルジエンコ頭取').map((e) => e[2])).toEqual(['ゴルジエンコ']);
    expect(entities('パベル大統領とプーチン・ロシア大統領').map((e) => e[2])).toEqual([
      'パベル',
      'プーチン',
      'ロシア',
    ]);
  });

  it('puts the country with の on its mission to a body (`イランの国連代表部`)', () => {
    expect(entities('イランの国連代表部は声明を出した').map((e) => e[2])).toEqual([
      'イラン国連代表部',
    ]);
  });

  it('resolves a surname to the full name written earlier', () => {
    expect(entities('トーステン・ネストマン氏は…ネストマン氏は').map((e) => e[2])).toEqual([
      'ネストマン',
      'ネストマン',
    ]);
  });

  it('does not take a title followed by more kanji for a title', () => {
    expect(entities('国防相会合が開かれた')).toEqual([]);
  });
});

describe('aliases for search', () => {
  it('expands a name to every spelling the gazetteer knows, and leaves unknown terms alone', () => {
    expect(aliasesOf('ハリコフ', k)).toEqual(['ハルキウ', 'ハリコフ', 'ハルキフ', 'ハルキュウ']);
    expect(canonicalName('ナワルヌイ', k)).toBe('ナワリヌイ');
    expect(canonicalName('ハリコフ州', k)).toBeNull();
    expect(aliasesOf('和平', k)).toEqual(['和平']);
  });
});
