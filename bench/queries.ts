/**
 * The benchmark's query classes, drawn from the corpus vocabularies: common and uncommon
 * words, rare names from the tail of the Zipf distribution, conjunctions, phrases, filters.
 */
import { rareNames } from './corpus-sentences.js';

export interface QueryClass {
  name: string;
  queries: string[];
}

/** Rare names: the Zipf tail of the corpus's surnames. */
function rare(): string[] {
  const names = rareNames();
  return [1200, 1500, 1800, 2100, 2400, 2700, 2900, 2990].map((i) => names[i] ?? names[0] ?? '');
}

export function queryClasses(): QueryClass[] {
  return [
    {
      name: '1–2 char words',
      queries: ['露', '朝', '停戦', '制裁', '露朝', '会談', '難民', '砲弾', '催涙', '亡命'],
    },
    {
      name: '3–6 char words',
      queries: [
        'ロシア', 'ウクライナ', '大統領', 'ミサイル', 'ゼレンスキー',
        '防空システム', '捕虜交換', '凍結資産', 'ドニプロ', '滑空爆弾',
      ], // prettier-ignore
    },
    { name: 'rare names', queries: rare() },
    {
      name: 'two-term AND',
      queries: [
        'ロシア 停戦', 'ゼレンスキー 支援', '露朝 ミサイル', 'ドローン 攻撃',
        'NATO 加盟交渉', '制裁 原油価格', 'ハルキウ 避難', 'ラブロフ 会談',
      ], // prettier-ignore
    },
    {
      name: 'phrases',
      queries: [
        '"ロシア国防省"', '"停戦には応じない"', '"支援を継続する"', '"防空システムを強化"',
        '"ゼレンスキー大統領は"', '"人道支援の準備"', '"ウクライナ巡り"', '"約500億ドル"',
      ], // prettier-ignore
    },
    {
      name: 'filters',
      queries: [
        'tag:露朝', 'from:@nhk_news since:2024-01-01', 'speaker:ゼレンスキー', 'ロシア tag:NATO',
        '停戦 from:@ReutersJapan', 'since:2024-03-01 until:2024-03-31', '-ロシア tag:中東',
        'speaker:ラブロフ 制裁',
      ], // prettier-ignore
    },
  ];
}
