import type { ComponentChildren } from 'preact';
import type { Loadable } from '../hooks.js';
import { ApiError } from '../api/client.js';
import { Link } from './Link.js';

/** What a page says when the thing it shows does not exist, and where it sends the reader. */
export interface NotFoundText {
  /** What was looked for, as a sentence's subject: `このエントリー`, `人物「岸田」`. */
  what: string;
  back: { href: string; label: string };
}

const DEFAULT_NOT_FOUND: NotFoundText = {
  what: 'お探しのもの',
  back: { href: '/app/inbox', label: '受信箱へ戻る' },
};

/**
 * Whether a failed request means "there is no such thing" rather than a fault to retry: a 404,
 * or an id in the address too short to be one (the server's 400 naming `id`).
 */
export const isNotFound = (error: Error): boolean =>
  error instanceof ApiError &&
  (error.status === 404 || (error.status === 400 && error.field === 'id'));

/**
 * "There is no such thing", with a way back: for a 404, where trying again cannot help.
 *
 * @example
 *   <NotFoundNote text={{ what: 'このタグ', back: { href: '/app/tags', label: 'タグ一覧へ' } }} />
 */
export function NotFoundNote(props: { text?: NotFoundText | undefined }) {
  const text = props.text ?? DEFAULT_NOT_FOUND;
  return (
    <div class="not-found" role="alert">
      <p>{text.what}は見つかりませんでした。削除されたか、アドレスが違うのかもしれません。</p>
      <p>
        <Link href={text.back.href}>{text.back.label}</Link>
      </p>
    </div>
  );
}

/**
 * A failed request, said plainly, with the server's message and the field it names; a retry
 * for a network or server fault, never for a 404 (that is a `NotFoundNote`).
 *
 * @example
 *   <ErrorNote error={error} retry={reload} />
 */
export function ErrorNote(props: { error: Error; retry?: () => void; notFound?: NotFoundText }) {
  if (isNotFound(props.error)) return <NotFoundNote text={props.notFound} />;
  const field =
    props.error instanceof ApiError && props.error.field ? ` (${props.error.field})` : '';
  return (
    <p class="error" role="alert">
      {props.error.message}
      {field}
      {props.retry ? (
        <>
          {' '}
          <button type="button" class="link-button" onClick={props.retry}>
            再試行
          </button>
        </>
      ) : null}
    </p>
  );
}

/**
 * Shows a loadable: a placeholder of the same place while loading (no layout shift), the error,
 * or the content.
 *
 * @example
 *   <Loaded value={tags} retry={reload}>{(data) => <TagTable tags={data.tags} />}</Loaded>
 */
export function Loaded<T>(props: {
  value: Loadable<T>;
  retry?: () => void;
  /** What a 404 means here, and the way back. */
  notFound?: NotFoundText;
  placeholderClass?: string;
  children: (data: T) => ComponentChildren;
}) {
  const { value } = props;
  const noted = {
    ...(props.retry ? { retry: props.retry } : {}),
    ...(props.notFound ? { notFound: props.notFound } : {}),
  };
  if (value.data !== null) {
    return (
      <>
        {value.state === 'error' ? <ErrorNote error={value.error} {...noted} /> : null}
        <div
          class={value.state === 'loading' ? 'refreshing' : undefined}
          aria-busy={value.state === 'loading'}
        >
          {props.children(value.data)}
        </div>
      </>
    );
  }
  if (value.state === 'error') return <ErrorNote error={value.error} {...noted} />;
  return (
    <div class={`placeholder ${props.placeholderClass ?? ''}`} aria-busy="true">
      <span class="visually-hidden">読み込み中…</span>
    </div>
  );
}
