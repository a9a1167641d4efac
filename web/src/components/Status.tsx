import type { ComponentChildren } from 'preact';
import type { Loadable } from '../hooks.js';
import { ApiError } from '../api/client.js';

/**
 * A failed request, said plainly, with the server's message and the field it names.
 *
 * @example
 *   <ErrorNote error={error} retry={reload} />
 */
export function ErrorNote(props: { error: Error; retry?: () => void }) {
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
            Try again
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
  placeholderClass?: string;
  children: (data: T) => ComponentChildren;
}) {
  const { value } = props;
  if (value.data !== null) {
    return (
      <>
        {value.state === 'error' ? (
          <ErrorNote error={value.error} {...(props.retry ? { retry: props.retry } : {})} />
        ) : null}
        <div
          class={value.state === 'loading' ? 'refreshing' : undefined}
          aria-busy={value.state === 'loading'}
        >
          {props.children(value.data)}
        </div>
      </>
    );
  }
  if (value.state === 'error')
    return <ErrorNote error={value.error} {...(props.retry ? { retry: props.retry } : {})} />;
  return (
    <div class={`placeholder ${props.placeholderClass ?? ''}`} aria-busy="true">
      <span class="visually-hidden">Loading…</span>
    </div>
  );
}
