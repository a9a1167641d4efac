import { z } from 'zod';

/**
 * The embedded social post at the head of an entry, as it appears in a clip document:
 *
 * ```text
 * 🇷🇺🐻プ~さんは落ち着いている。                     ← head (the first paragraph)
 * — morpheus🪖Reloaded⚔️ (@Reloaded7701) January 17, 2024   ← attribution
 * プーチン大統領は、…                                ← tail (the rest of the post,
 * 我々が下す決定は… pic.twitter.com/YNcZwC3Gaa            ending with its link)
 * ```
 *
 * `headLines`, `attribution` and `tailLines` are the exact source lines; everything else is
 * derived from them and kept for search, digests and display.
 */
export const PostSchema = z.object({
  platform: z.enum(['x']),
  /** Exact source lines before the attribution line. */
  headLines: z.array(z.string()),
  /** The exact attribution line, e.g. `— ロイター (@ReutersJapan) January 18, 2024`. */
  attribution: z.string(),
  /** Exact source lines of the post after the attribution line. */
  tailLines: z.array(z.string()),
  /** The post text without its links and trailing hashtags, lines joined with `\n`. */
  text: z.string(),
  /** Links found in the post (t.co, pic.twitter.com, others), in order. */
  links: z.array(z.string()),
  /** Hashtags trailing the post text (`#nhk_news` → `nhk_news`). */
  hashtags: z.array(z.string()),
  /** Author display name; may contain emoji. */
  authorName: z.string(),
  /** Handle without the `@`. */
  handle: z.string(),
  /** ISO date `YYYY-MM-DD` from the attribution line. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** True when the embed cut the text short (`…` before the link). */
  truncated: z.boolean(),
});
export type Post = z.infer<typeof PostSchema>;
