/**
 * Vocabularies for the synthetic benchmark corpus. Written for kirinuki, ordered from most to
 * least frequent: the generator draws from each list with Zipf-like weights, so the first items
 * are everywhere and the last are rare. A long literal table, so longer than the usual file.
 */

/** A person who speaks in the news: name as written, title, and country. */
export interface Person {
  name: string;
  title: string;
  country: string;
}

export const PEOPLE: Person[] = [
  { name: 'プーチン', title: '大統領', country: 'ロシア' },
  { name: 'ゼレンスキー', title: '大統領', country: 'ウクライナ' },
  { name: 'バイデン', title: '大統領', country: '米国' },
  { name: 'ラブロフ', title: '外相', country: 'ロシア' },
  { name: 'ペスコフ', title: '大統領報道官', country: 'ロシア' },
  { name: 'ストルテンベルグ', title: '事務総長', country: 'NATO' },
  { name: 'ブリンケン', title: '国務長官', country: '米国' },
  { name: 'ショルツ', title: '首相', country: 'ドイツ' },
  { name: 'マクロン', title: '大統領', country: 'フランス' },
  { name: 'クレバ', title: '外相', country: 'ウクライナ' },
  { name: 'ショイグ', title: '国防相', country: 'ロシア' },
  { name: 'メドベージェフ', title: '安全保障会議副議長', country: 'ロシア' },
  { name: 'オースティン', title: '国防長官', country: '米国' },
  { name: 'フォンデアライエン', title: '欧州委員長', country: 'EU' },
  { name: 'ザハロワ', title: '情報局長', country: 'ロシア' },
  { name: '岸田', title: '首相', country: '日本' },
  { name: '習近平', title: '国家主席', country: '中国' },
  { name: 'キム・ジョンウン', title: '総書記', country: '北朝鮮' },
  { name: 'エルドアン', title: '大統領', country: 'トルコ' },
  { name: 'ルカシェンコ', title: '大統領', country: 'ベラルーシ' },
  { name: 'グテーレス', title: '事務総長', country: '国連' },
  { name: 'シルスキー', title: '総司令官', country: 'ウクライナ' },
  { name: 'ブダノフ', title: '情報総局長', country: 'ウクライナ' },
  { name: 'ポドリャク', title: '大統領府顧問', country: 'ウクライナ' },
  { name: 'ゲラシモフ', title: '参謀総長', country: 'ロシア' },
  { name: 'オルバン', title: '首相', country: 'ハンガリー' },
  { name: 'スナク', title: '首相', country: '英国' },
  { name: 'トランプ', title: '前大統領', country: '米国' },
  { name: 'ネタニヤフ', title: '首相', country: 'イスラエル' },
  { name: 'ライシ', title: '大統領', country: 'イラン' },
  { name: 'チェ・ソニ', title: '外相', country: '北朝鮮' },
  { name: 'カービー', title: '戦略広報調整官', country: '米国' },
  { name: 'ボレル', title: '外交安全保障上級代表', country: 'EU' },
  { name: 'グロッシ', title: '事務局長', country: 'IAEA' },
  { name: 'シュミハリ', title: '首相', country: 'ウクライナ' },
  { name: 'ベアボック', title: '外相', country: 'ドイツ' },
  { name: 'ドゥダ', title: '大統領', country: 'ポーランド' },
  { name: 'ストゥブ', title: '大統領', country: 'フィンランド' },
  { name: 'ミシュスチン', title: '首相', country: 'ロシア' },
  { name: 'ナビウリナ', title: '中央銀行総裁', country: 'ロシア' },
];

/** Syllables for rare surnames (`ボロディン`, `ペトレンコ`…), combined by the generator. */
export const NAME_HEADS = [
  'ボロ', 'ペト', 'コワ', 'シェフ', 'ミハ', 'ドミ', 'アレク', 'セル', 'イワ', 'ニコ',
  'ヴォル', 'ガブリ', 'タラ', 'ユル', 'オレ', 'ザハ', 'クズ', 'モロ', 'ソコ', 'レベ',
  'グリ', 'パブ', 'フョー', 'ヤコ', 'ルド', 'ステパ', 'マカ', 'ベロ', 'チェル', 'ポポ',
]; // prettier-ignore
export const NAME_MIDS = ['', 'ディ', 'レン', 'チェ', 'リャ', 'ノ', 'シ', 'ヴィ', 'ラ', 'ト'];
export const NAME_TAILS = [
  'ン', 'コ', 'フ', 'ヴァ', 'ンコ', 'スキー', 'ーク', 'ツキー', 'ヴィチ', 'エフ', 'ワ', 'チュク',
]; // prettier-ignore
export const RARE_TITLES = [
  '氏',
  '議員',
  '司令官',
  '報道官',
  '知事',
  '市長',
  '大使',
  '元大佐',
  '教授',
  '研究員',
];

export const PLACES = [
  'ウクライナ', 'ロシア', '米国', 'キーウ', '東部ドネツク州', 'ハルキウ', 'モスクワ', '欧州',
  'クリミア半島', '南部ヘルソン州', 'ザポリージャ州', '黒海', 'ベルゴロド州', 'アウディーイウカ',
  'バフムト', 'オデーサ', '中国', '北朝鮮', 'ブリュッセル', 'ワシントン', 'ベラルーシ', 'ポーランド',
  'ドイツ', 'フランス', '英国', 'イラン', 'ルハンスク州', 'リビウ', 'ドニプロ', 'クルスク州',
  'ミコライウ', 'ザポリージャ原発', 'アゾフ海', 'トルコ', 'ハンガリー', 'バルト3国', '平壌',
  'テヘラン', '北京', 'ダボス', 'ジュネーブ', 'ミンスク', 'タリン', 'ヘルシンキ', 'ウィーン',
  'ヴォルチャンスク', 'ポクロウシク', 'クピャンスク', 'トレツク', 'ウグレダル', 'ロボティネ',
  'ヴフレダル', 'チャシウヤール', 'セバストポリ', 'ケルチ橋', 'ノボロシースク', 'スミ州',
]; // prettier-ignore

export const ORGS = [
  'ロシア国防省', 'ウクライナ軍', 'NATO', '欧州連合(EU)', '米国務省', 'ロシア軍', '国連',
  '主要7カ国(G7)', 'ホワイトハウス', 'クレムリン', 'ウクライナ空軍', '国際原子力機関(IAEA)',
  '国連安全保障理事会', '欧州委員会', '米国防総省', '英国防省', '民間軍事会社ワグネル',
  'ロシア外務省', 'ウクライナ保安局(SBU)', '国際刑事裁判所(ICC)', '欧州議会', '米議会',
  'ロシア中央銀行', '国際通貨基金(IMF)', '世界銀行', '赤十字国際委員会', '戦争研究所(ISW)',
  '独立系メディア', '人権団体メモリアル', 'タス通信', 'インタファクス通信', '国営テレビ',
]; // prettier-ignore

export const TOPICS = [
  '攻撃', '支援', '制裁', '停戦', '侵攻', '交渉', '会談', '弾薬', 'ミサイル', 'ドローン',
  '防空システム', '反転攻勢', '和平', '兵士', '動員', '領土', '戦車', '砲弾', '凍結資産',
  '戦闘機', '捕虜交換', '原油価格', '天然ガス', '穀物輸出', '難民', '人道支援', '核兵器',
  '軍事演習', '国境', '選挙', 'インフレ', '金利', '防衛費', 'サイバー攻撃', '情報戦', '徴兵',
  '露朝協力', '武器輸出', '長距離ミサイル', '無人艇', '電力施設', '地雷除去', '催涙ガス',
  '拘束', '抗議デモ', '亡命', '汚職', '復興', '加盟交渉', '安全保障', '軍事援助',
  'エネルギー危機', 'クラスター弾', '滑空爆弾', '巡航ミサイル', '極超音速ミサイル', '弾道ミサイル',
]; // prettier-ignore

export const VERBS = [
  '述べた', '明らかにした', '発表した', '強調した', '表明した', '伝えた', '指摘した', '主張した',
  '語った', '警告した', '批判した', '否定した', '訴えた', '求めた', '報じた', '示唆した',
  '歓迎した', '懸念を示した', '非難した', '確認した',
]; // prettier-ignore

export const CONNECTIVES = ['', '', '', 'また、', '一方、', 'さらに', 'これに対し、', 'ただ、'];

/** Predicates for quotes: `{topic}{predicate}`. */
export const QUOTE_PREDICATES = [
  'を継続する', 'は受け入れられない', 'が必要だ', 'を強化しなければならない', 'には応じない',
  'は失敗した', 'を検討している', 'の準備はできている', 'は時間の問題だ', 'を拒否する',
  'で合意した', 'を急ぐべきだ', 'は国際法違反だ', 'を止めることはできない', 'を求めていく',
]; // prettier-ignore

/** Sentence tails that give the body its ordinary, very common words. */
export const EVENTS = [
  'が続いている', 'が行われた', 'が激化している', 'が停滞している', 'が明らかになった',
  'が発生した', 'を巡り協議した', 'の見通しが立っていない', 'が拡大している', 'に合意した',
]; // prettier-ignore

export const CASUALTIES = ['死亡した', '負傷した', '拘束された', '避難した', '行方不明になった'];

/** Summary-line tags, Zipf-ordered. */
export const TAGS = [
  'ウクライナ戦況', 'ロシア', 'ウクライナ軍事支援', 'ウクライナ和平交渉', 'ウクライナ経済制裁',
  'NATO', 'ウクライナ代理戦争', 'ウクライナドローン攻撃', '露朝', '米国政治', '中東', '露斯',
  '世界経済フォーラム', 'エネルギー', '中国', '日本', 'ベラルーシ', '核問題', '難民問題', '露中',
]; // prettier-ignore

/** Document-level tag lines at the end of a day. */
export const DOCUMENT_TAG_LINES = [
  '#週間まとめ', '#国際情勢#欧州安全保障', '#対ロ制裁', '#情報戦#メディア', '#停戦への道',
]; // prettier-ignore

/** Posting accounts: news outlets first (most clips), then commentary accounts. */
export interface Account {
  handle: string;
  name: string;
  kind: 'news' | 'commentary';
  /** Trailing hashtag the account appends to its posts (`#nhk_news`). */
  hashtag?: string;
}

export const ACCOUNTS: Account[] = [
  { handle: 'ReutersJapan', name: 'ロイター', kind: 'news' },
  { handle: 'nhk_news', name: 'NHKニュース', kind: 'news', hashtag: 'nhk_news' },
  { handle: 'cnn_co_jp', name: 'cnn_co_jp', kind: 'news' },
  { handle: 'afpbbcom', name: 'AFPBB News', kind: 'news' },
  { handle: 'jijicom', name: '時事ドットコム(時事通信ニュース)', kind: 'news' },
  { handle: 'nikkei', name: '日本経済新聞 電子版', kind: 'news' },
  { handle: 'kyodo_official', name: '共同通信公式', kind: 'news' },
  { handle: 'bbcnewsjapan', name: 'BBCニュース・ジャパン', kind: 'news' },
  { handle: 'FrontlineWatch7', name: '🛰️前線ウォッチ🗺️', kind: 'commentary' },
  { handle: 'EurasiaDesk_jp', name: 'ユーラシア通信📡', kind: 'commentary' },
  { handle: 'kitanomado', name: '北の窓🐻‍❄️', kind: 'commentary' },
  { handle: 'geo_memo2024', name: '地政学メモ🌍', kind: 'commentary' },
];

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
]; // prettier-ignore
