import { api } from '../api/client.js';
import { EntryCardView } from '../components/EntryCardView.js';
import { Link } from '../components/Link.js';
import { PerDayChart } from '../components/PerDayChart.js';
import { Loaded } from '../components/Status.js';
import { useLoad, useTitle } from '../hooks.js';
import { hrefOf } from '../lib/routes.js';

/**
 * Every tag, with its entry count and description.
 *
 * @example
 *   <TagsPage />
 */
export function TagsPage() {
  useTitle('タグ');
  const [tags, reload] = useLoad('tags', (signal) => api.tags(signal));
  return (
    <section class="page tags-page" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          タグ
        </h1>
      </header>
      <Loaded value={tags} retry={reload} placeholderClass="list-placeholder">
        {(data) =>
          data.tags.length === 0 ? (
            <p class="empty">タグはまだありません。</p>
          ) : (
            <table class="listing">
              <thead>
                <tr>
                  <th scope="col">タグ</th>
                  <th scope="col" class="num">
                    エントリー
                  </th>
                  <th scope="col">説明</th>
                </tr>
              </thead>
              <tbody>
                {data.tags.map((tag) => (
                  <tr key={tag.tag}>
                    <td>
                      <Link href={hrefOf({ page: 'tag', tag: tag.tag })}>#{tag.tag}</Link>
                    </td>
                    <td class="num">{tag.entries}</td>
                    <td>{tag.description ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}

/**
 * One tag: entries per day as a chart, and its latest entries.
 *
 * @example
 *   <TagPage tag="ウクライナ戦況" />
 */
export function TagPage(props: { tag: string }) {
  useTitle(`#${props.tag}`);
  const [tag, reload] = useLoad(`tag:${props.tag}`, (signal) => api.tag(props.tag, signal));
  return (
    <section class="page tag-page" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          #{props.tag}
        </h1>
        <Link href={hrefOf({ page: 'search', q: `tag:${props.tag}` })}>このタグで検索</Link>
      </header>
      <Loaded
        value={tag}
        retry={reload}
        notFound={{
          what: `タグ「#${props.tag}」`,
          back: { href: hrefOf({ page: 'tags' }), label: 'タグの一覧へ' },
        }}
        placeholderClass="chart-placeholder"
      >
        {(data) => (
          <>
            <PerDayChart
              perDay={data.perDay}
              label={`#${data.tag}の日別のエントリー数`}
              unit="件"
            />
            <h2>最新のエントリー</h2>
            {data.latest.length === 0 ? <p class="empty">エントリーはありません。</p> : null}
            {data.latest.map((card) => (
              <EntryCardView key={card.id} card={card} />
            ))}
          </>
        )}
      </Loaded>
    </section>
  );
}
