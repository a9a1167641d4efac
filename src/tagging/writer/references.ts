/**
 * A quote that opens by pointing back (`それは…`, `この措置は…`, `同氏は…`) means nothing
 * without the sentence before it; in a summary line it dangles.
 */
const POINTING_BACK =
  /^(?:(?:それ|これ|あれ)(?!ぞれ|まで|ほど|から)|(?:その|この|あの)(?!まま|ため|ほか|他|後|上|際|間)|同(?:氏|国|大統領|相|省|社)|彼(?:ら|女)?(?:は|が|の|も|を))/u;

/**
 * Whether a quote opens with a reference to something outside it.
 *
 * @example
 * opensWithReference('それは2025年夏に起こる'); // true
 * opensWithReference('それぞれの国が決める'); // false
 */
export function opensWithReference(quote: string): boolean {
  return POINTING_BACK.test(quote.trimStart());
}

// Connectives that tie a sentence to the one before: alone in a line they lead nowhere.
const CONNECTIVE = /^(?:しかし|だが|ただ|また|さらに|一方|そして|なお|それでも)[、,]?/u;

/**
 * A sentence without the connective that ties it to the one before, for a line where it
 * stands alone: `しかし計画は実情とかけ離れている` → `計画は実情とかけ離れている`.
 *
 * @example
 * withoutConnective('しかし、計画は遅れている'); // '計画は遅れている'
 */
export function withoutConnective(sentence: string): string {
  return sentence.trimStart().replace(CONNECTIVE, '');
}
