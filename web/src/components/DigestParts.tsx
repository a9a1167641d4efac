import type { EntryCard, PublishOutcome, QuoteFlag } from '../api/types.js';
import { flagsByLine, flagText } from '../lib/flags.js';
import { moveDeltaFor } from '../lib/keys.js';
import { movedIndex } from '../lib/reorder.js';
import { hrefOf } from '../lib/routes.js';
import { safeHref } from '../lib/safe-url.js';
import { Byline } from './EntryCardView.js';
import { ExternalLink, Link } from './Link.js';

/** The quote check's flags, each in words. */
function FlagList(props: { flags: QuoteFlag[] }) {
  if (props.flags.length === 0) return null;
  return (
    <ul class="flags" aria-label="引用チェックの指摘">
      {props.flags.map((flag, index) => (
        <li key={index} class={`flag flag-${flag.kind}`}>
          <span aria-hidden="true">⚠ </span>
          <span class="visually-hidden">指摘：</span>
          {flagText(flag)}
        </li>
      ))}
    </ul>
  );
}

/**
 * One entry of the day's order, movable by drag, by Alt+↑/↓ on its handle, or by its buttons,
 * with the quote check's flags beside the lines they are about.
 *
 * @example
 *   <OrderItem card={card} index={0} count={10} flags={[]} dropMark={null} onMove={move} … />
 */
export function OrderItem(props: {
  card: EntryCard;
  index: number;
  count: number;
  flags: QuoteFlag[];
  dropMark: 'before' | 'after' | null;
  onMove: (from: number, to: number) => void;
  onDragStart: (index: number) => void;
  onDragOver: (index: number, after: boolean) => void;
  onDrop: (index: number, after: boolean) => void;
  onDragEnd: () => void;
}) {
  const { card, index } = props;
  const { byLine, unmatched } = flagsByLine(card.summaryLines, props.flags);
  const afterOf = (event: DragEvent): boolean => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return event.clientY > box.top + box.height / 2;
  };
  return (
    <li
      class={`order-item${props.dropMark ? ` drop-${props.dropMark}` : ''}${props.flags.length > 0 ? ' flagged' : ''}`}
      data-id={card.id}
      draggable
      onDragStart={(event) => {
        event.dataTransfer?.setData('text/plain', card.id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        props.onDragStart(index);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
        props.onDragOver(index, afterOf(event));
      }}
      onDrop={(event) => {
        event.preventDefault();
        props.onDrop(index, afterOf(event));
      }}
      onDragEnd={props.onDragEnd}
    >
      <div class="order-controls">
        <button
          type="button"
          class="drag-handle"
          aria-label={`「${card.headline}」を移動：Alt+↑かAlt+↓、またはドラッグ`}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          onKeyDown={(event) => {
            const delta = moveDeltaFor(event);
            if (delta === null) return;
            event.preventDefault();
            const target = movedIndex(index, delta, props.count);
            if (target !== null) props.onMove(index, target);
          }}
        >
          <span aria-hidden="true">⠿</span>
          <span class="position">{index + 1}</span>
        </button>
        <button
          type="button"
          class="small"
          disabled={index === 0}
          aria-label={`「${card.headline}」を上へ`}
          onClick={() => props.onMove(index, index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          class="small"
          disabled={index === props.count - 1}
          aria-label={`「${card.headline}」を下へ`}
          onClick={() => props.onMove(index, index + 1)}
        >
          ↓
        </button>
      </div>
      <div class="order-body">
        <h3 class="headline">
          <Link href={hrefOf({ page: 'entry', id: card.id })}>{card.headline}</Link>
        </h3>
        <Byline card={card} />
        {card.summaryLines.length > 0 ? (
          <ul class="summary-lines" aria-label="要約行">
            {card.summaryLines.map((line, i) => (
              <li key={i}>
                <span class="line-text">{line}</span>
                <FlagList flags={byLine[i] ?? []} />
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">要約行はまだありません。</p>
        )}
        <FlagList flags={unmatched} />
      </div>
    </li>
  );
}

/**
 * What publishing did: created or updated, draft or public, links to the post and its editor.
 *
 * @example
 *   <PublishedNote outcome={outcome} />
 */
export function PublishedNote(props: { outcome: PublishOutcome }) {
  const { post, action, notices } = props.outcome;
  const url = safeHref(post.url);
  const edit = safeHref(post.editUrl);
  return (
    <div class="published" role="status">
      <p>
        {post.blog}に{post.status === 'publish' ? '公開記事' : '下書き'}として
        {action === 'created'
          ? '投稿しました'
          : action === 'updated'
            ? '更新しました'
            : '再投稿しました'}
        。{url ? <ExternalLink href={url}>記事を開く</ExternalLink> : null}{' '}
        {edit ? <ExternalLink href={edit}>ブログで編集</ExternalLink> : null}
      </p>
      {notices.length > 0 ? (
        <ul class="warnings" aria-label="お知らせ">
          {notices.map((notice, index) => (
            <li key={index}>{notice}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
