import type { ComponentChildren } from 'preact';
import type { EntryCard } from '../api/types.js';
import { hrefOf } from '../lib/routes.js';
import { displayUrl, safeHref } from '../lib/safe-url.js';
import { ExternalLink, Link } from './Link.js';

/**
 * Who wrote the entry: name and @handle, or the source.
 *
 * @example
 *   <Byline card={card} />
 */
export function Byline(props: { card: EntryCard }) {
  const { card } = props;
  return (
    <p class="byline">
      {card.authorName ? <span class="author">{card.authorName}</span> : null}
      {card.handle ? <span class="handle">@{card.handle}</span> : null}
      {!card.authorName && !card.handle ? <span class="author">{card.source}</span> : null}
      {card.date ? <time dateTime={card.date}>{card.date}</time> : null}
      <span class="day">
        登録 <Link href={hrefOf({ page: 'digest', day: card.day })}>{card.day}</Link>
      </span>
    </p>
  );
}

/**
 * The post and article links of an entry (only http(s) URLs become links), its page, and its
 * story's when the story holds more than the entry itself.
 *
 * @example
 *   <EntryLinks card={card} />
 */
export function EntryLinks(props: { card: EntryCard }) {
  const post = safeHref(props.card.postUrl);
  const article = safeHref(props.card.articleUrl);
  const { card } = props;
  return (
    <p class="links">
      {post ? (
        <ExternalLink href={post} label={`投稿：${displayUrl(post)}`}>
          投稿
        </ExternalLink>
      ) : null}
      {article && article !== post ? (
        <ExternalLink href={article} label={`記事：${displayUrl(article)}`}>
          記事 <span class="url">{displayUrl(article)}</span>
        </ExternalLink>
      ) : null}
      <Link
        href={hrefOf({ page: 'entry', id: card.id })}
        aria-label={`エントリー：${card.headline}`}
      >
        エントリー
      </Link>
      {card.storyEntries > 1 ? (
        <Link
          href={hrefOf({ page: 'story', id: card.story })}
          aria-label={`ストーリー（${card.storyEntries}件）：${card.headline}`}
        >
          ストーリー（{card.storyEntries}件）
        </Link>
      ) : null}
    </p>
  );
}

/**
 * The tags of an entry, each a link to its page.
 *
 * @example
 *   <TagList tags={['露朝', 'NATO']} />
 */
export function TagList(props: { tags: readonly string[] }) {
  if (props.tags.length === 0) return null;
  return (
    <ul class="tags" aria-label="タグ">
      {props.tags.map((tag) => (
        <li key={tag}>
          <Link href={hrefOf({ page: 'tag', tag })}>#{tag}</Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * An entry as the lists show it: headline, byline, links, tags, summary lines.
 *
 * @example
 *   <EntryCardView card={card} headingLevel={2} />
 */
export function EntryCardView(props: {
  card: EntryCard;
  children?: ComponentChildren;
  headingLevel?: 2 | 3;
}) {
  const { card } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="card">
      <Heading class="headline">{card.headline}</Heading>
      <Byline card={card} />
      {props.children}
      {card.summaryLines.length > 0 ? (
        <ul class="summary-lines" aria-label="要約行">
          {card.summaryLines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : null}
      <TagList tags={card.tags} />
      <EntryLinks card={card} />
    </article>
  );
}
