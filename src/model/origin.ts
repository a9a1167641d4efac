import { z } from 'zod';

/**
 * Where an entry was captured from, when it did not come from a clip document's post embed:
 * a feed item, an article page, a Telegram message, a blog-archive post or a paste.
 */
export const OriginSchema = z.object({
  kind: z.enum(['clip', 'embed', 'feed', 'article', 'telegram', 'blog', 'paste']),
  /** Canonical URL (tracking parameters stripped), when there is one. */
  url: z.string().optional(),
  title: z.string().optional(),
  /** Outlet, channel or site name. */
  outlet: z.string().optional(),
  author: z.string().optional(),
  /** Publication date, ISO `YYYY-MM-DD` or a full ISO timestamp. */
  published: z.string().optional(),
});
export type Origin = z.infer<typeof OriginSchema>;
