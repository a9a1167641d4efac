/** The article facts JSON-LD gives, when a page has a `NewsArticle` (or kin) block. */
export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
}

const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNews',
  'AnalysisNewsArticle',
  'BlogPosting',
  'WebPage',
]);

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** `author` may be a string, a Person, or a list of either; names are joined with `、`. */
function names(v: unknown): string | undefined {
  const list = Array.isArray(v) ? v : [v];
  const out = list
    .map(
      (a) =>
        str(a) ??
        (typeof a === 'object' && a !== null
          ? str((a as Record<string, unknown>).name)
          : undefined),
    )
    .filter((n): n is string => n !== undefined);
  return out.length > 0 ? out.join('、') : undefined;
}

function isArticle(node: Record<string, unknown>): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t));
}

/** Every object in a JSON-LD value, following arrays and `@graph`. */
function* nodes(value: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 8 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) yield* nodes(v, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  yield node;
  if (node['@graph'] !== undefined) yield* nodes(node['@graph'], depth + 1);
}

/**
 * The first article-typed object in parsed JSON-LD values (a `WebPage` only when nothing more
 * specific is there).
 *
 * @example
 * articleFromJsonLd([{ '@type': 'NewsArticle', headline: '見出し', author: { name: '記者' } }]);
 * // { headline: '見出し', author: '記者', … }
 */
export function articleFromJsonLd(values: readonly unknown[]): JsonLdArticle | undefined {
  const candidates = values.flatMap((v) => [...nodes(v)]).filter(isArticle);
  const node = candidates.find((n) => n['@type'] !== 'WebPage') ?? candidates[0];
  if (!node) return undefined;
  const publisher = node.publisher as Record<string, unknown> | undefined;
  const page = node.mainEntityOfPage;
  const pageUrl =
    str(page) ??
    (typeof page === 'object' && page !== null
      ? str((page as Record<string, unknown>)['@id'])
      : undefined);
  return {
    headline: str(node.headline) ?? str(node.name),
    datePublished: str(node.datePublished) ?? str(node.dateCreated),
    author: names(node.author),
    publisher:
      typeof publisher === 'object' && publisher !== null ? str(publisher.name) : undefined,
    url: str(node.url) ?? pageUrl,
  };
}
