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
