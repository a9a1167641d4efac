import type { AnyFeed } from 'feedsmith';

/** A feed item in a format-neutral shape, before it becomes an entry. */
export interface FeedItem {
  title: string | undefined;
  /** The item's link as written (may be relative). */
  link: string | undefined;
  /** Content or description, HTML or plain text. */
  html: string | undefined;
  published: string | undefined;
  author: string | undefined;
}

/** The channel-level facts the items need: a name for the outlet and bases for relative links. */
export interface FeedChannel {
  title: string | undefined;
  link: string | undefined;
  /** Atom's `xml:base`, when given. */
  base: string | undefined;
  items: FeedItem[];
}

/**
 * Flattens whichever of RSS, Atom, RDF or JSON Feed feedsmith parsed into one shape.
 *
 * @example
 * channelOf(parseFeed(xml)).items[0]?.link;
 */
export function channelOf(parsed: AnyFeed): FeedChannel {
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      const items = (f.items ?? []).map((i) => ({
        title: i.title ?? i.dc?.titles?.[0],
        link: i.link ?? (i.guid?.isPermaLink !== false ? i.guid?.value : undefined),
        html: i.content?.encoded ?? i.description,
        published: i.pubDate ?? i.dc?.dates?.[0],
        author: i.authors?.[0]?.name ?? i.authors?.[0]?.email ?? i.dc?.creators?.[0],
      }));
      return { title: f.title, link: f.link, base: undefined, items };
    }
    case 'atom':
      return atomChannel(parsed.feed);
    case 'rdf': {
      const f = parsed.feed;
      const items = (f.items ?? []).map((i) => ({
        title: i.title,
        link: i.link ?? i.rdf?.about,
        html: i.content?.encoded ?? i.description,
        published: i.dc?.dates?.[0],
        author: i.dc?.creators?.[0],
      }));
      return { title: f.title, link: f.link, base: undefined, items };
    }
    case 'json':
      return jsonChannel(parsed.feed);
  }
}

type AtomFeedOf = Extract<AnyFeed, { format: 'atom' }>['feed'];
type AtomLinks = NonNullable<AtomFeedOf['links']>;

function alternate(links: AtomLinks | undefined): string | undefined {
  const list = links ?? [];
  return (list.find((l) => l.rel === undefined || l.rel === 'alternate') ?? list[0])?.href;
}

function atomChannel(f: AtomFeedOf): FeedChannel {
  const items = (f.entries ?? []).map((e) => ({
    title: e.title?.value,
    link: alternate(e.links),
    html: e.content?.value ?? e.summary?.value,
    published: e.published ?? e.updated,
    author: e.authors?.[0]?.name,
  }));
  return { title: f.title?.value, link: alternate(f.links), base: f.xml?.base, items };
}

type JsonFeedOf = Extract<AnyFeed, { format: 'json' }>['feed'];

function jsonChannel(f: JsonFeedOf): FeedChannel {
  const items = (f.items ?? []).map((i) => ({
    title: i.title,
    link: i.url ?? i.external_url,
    html: i.content_html ?? escapeText(i.content_text) ?? i.summary,
    published: i.date_published ?? i.date_modified,
    author: i.authors?.[0]?.name ?? f.authors?.[0]?.name,
  }));
  return { title: f.title, link: f.home_page_url, base: undefined, items };
}

/** JSON Feed's `content_text` is plain text: escape it so the HTML-to-text step keeps it as is. */
function escapeText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>');
}
