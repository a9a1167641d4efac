// Pictographs, flags (regional indicator pairs), keycaps and the joiners that build them.
const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/**
 * A text without its emoji: the curator drops a commentary post's 🇫🇷 and 🐸 from a quote.
 *
 * @example
 * withoutEmoji('今回の🇫🇷ストラスブールでは'); // '今回のストラスブールでは'
 */
export function withoutEmoji(text: string): string {
  return text.replace(EMOJI, '');
}
