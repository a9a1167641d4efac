import { api } from '../api/client.js';
import { EntryCardView } from '../components/EntryCardView.js';
import { EntryHistory } from '../components/EntryHistory.js';
import { Loaded } from '../components/Status.js';
import { useLoad, useTitle } from '../hooks.js';

/**
 * One story: every source that carried it, in filing order.
 *
 * @example
 *   <StoryPage id="0123456789abcdef" />
 */
export function StoryPage(props: { id: string }) {
  const [story, reload] = useLoad(`story:${props.id}`, (signal) => api.story(props.id, signal));
  const first = story.data?.entries[0];
  useTitle(first ? `ストーリー：${first.headline}` : 'ストーリー');
  return (
    <section class="page story" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          ストーリー{first ? <span class="subtitle">{first.headline}</span> : null}
        </h1>
      </header>
      <Loaded
        value={story}
        retry={reload}
        notFound={{ what: 'このストーリー', back: { href: '/app/search', label: '検索へ' } }}
        placeholderClass="list-placeholder"
      >
        {(data) => (
          <>
            <p class="muted">出典{data.entries.length}件</p>
            {data.entries.map((card) => (
              <EntryCardView key={card.id} card={card} headingLevel={2} />
            ))}
          </>
        )}
      </Loaded>
    </section>
  );
}

/**
 * One entry: its card, its text as filed, the other sources of its story, and who changed it
 * (on a server with accounts).
 *
 * @example
 *   <EntryPage id="0123456789abcdef" />
 */
export function EntryPage(props: { id: string }) {
  const [entry, reload] = useLoad(`entry:${props.id}`, (signal) => api.entry(props.id, signal));
  useTitle(entry.data ? entry.data.card.headline : 'エントリー');
  return (
    <section class="page entry" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          エントリー
        </h1>
      </header>
      <Loaded
        value={entry}
        retry={reload}
        notFound={{ what: 'このエントリー', back: { href: '/app/search', label: '検索へ' } }}
        placeholderClass="list-placeholder"
      >
        {(data) => (
          <>
            <EntryCardView card={data.card} headingLevel={2} />
            <section aria-labelledby="entry-text-title">
              <h2 id="entry-text-title">登録された本文</h2>
              <pre class="entry-text">{data.text}</pre>
            </section>
            {data.story.filter((card) => card.id !== data.card.id).length > 0 ? (
              <section aria-labelledby="entry-story-title">
                <h2 id="entry-story-title">同じストーリーの他の出典</h2>
                {data.story
                  .filter((card) => card.id !== data.card.id)
                  .map((card) => (
                    <EntryCardView key={card.id} card={card} />
                  ))}
              </section>
            ) : null}
            <EntryHistory id={data.card.id} />
          </>
        )}
      </Loaded>
    </section>
  );
}
