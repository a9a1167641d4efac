import { z } from 'zod';
import type { HttpAnswer } from './http.js';

/** The error body of the WordPress REST API (`WP_Error` as JSON). */
export const WordPressError = z.object({
  code: z.string(),
  message: z.string(),
  data: z
    .object({ status: z.number().optional(), term_id: z.number().optional() })
    .loose()
    .nullish(),
});
export type WordPressError = z.infer<typeof WordPressError>;

const MAX_MESSAGE = 300;

/**
 * What the server itself said in an error answer, short enough for one line: the `code` and
 * `message` of a WordPress error, else the body's text without markup, or `''` when it said
 * nothing readable.
 *
 * @example
 * serverMessage({ status: 401, headers: {}, body: '{"code":"incorrect_password","message":"The provided password is an invalid application password.","data":{"status":401}}', tries: 1 });
 * // 'incorrect_password: The provided password is an invalid application password.'
 */
export function serverMessage(answer: HttpAnswer): string {
  const wordpress = wordpressError(answer.body);
  if (wordpress !== null) return oneLine(`${wordpress.code}: ${wordpress.message}`);
  const text = answer.body
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return oneLine(text);
}

/**
 * The body as a WordPress error, or `null` when it is not one.
 *
 * @example
 * wordpressError('{"code":"term_exists","message":"…","data":{"status":400,"term_id":5}}')?.data?.term_id; // 5
 */
export function wordpressError(body: string): WordPressError | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = WordPressError.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > MAX_MESSAGE ? `${chars.slice(0, MAX_MESSAGE).join('')}…` : flat;
}
