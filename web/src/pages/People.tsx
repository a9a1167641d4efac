import { api } from '../api/client.js';
import type { PersonQuote } from '../api/types.js';
import { Link } from '../components/Link.js';
import { PerDayChart } from '../components/PerDayChart.js';
import { Loaded } from '../components/Status.js';
import { useLoad, useTitle } from '../hooks.js';
import { hrefOf } from '../lib/routes.js';

/**
 * Everyone quoted in the archive, most quoted first.
 *
 * @example
 *   <PeoplePage />
 */
export function PeoplePage() {
  useTitle('人物');
  const [people, reload] = useLoad('people', (signal) => api.people(500, signal));
  return (
    <section class="page people" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          人物
        </h1>
      </header>
      <Loaded value={people} retry={reload} placeholderClass="list-placeholder">
        {(data) =>
          data.people.length === 0 ? (
            <p class="empty">引用された人はまだいません。</p>
          ) : (
            <table class="listing">
              <thead>
                <tr>
                  <th scope="col">話者</th>
                  <th scope="col" class="num">
                    引用
                  </th>
                  <th scope="col" class="num">
                    エントリー
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.people.map((person) => (
                  <tr key={person.name}>
                    <td>
                      <Link href={hrefOf({ page: 'person', name: person.name })}>
                        {person.name}
                      </Link>
                    </td>
                    <td class="num">{person.quotes}</td>
                    <td class="num">{person.entries}</td>
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

/** Quotes grouped by day, newest day first. */
function byDay(quotes: readonly PersonQuote[]): [string, PersonQuote[]][] {
  const days = new Map<string, PersonQuote[]>();
  for (const quote of quotes) days.set(quote.day, [...(days.get(quote.day) ?? []), quote]);
  return [...days.entries()].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
}

/**
 * One speaker: their quotes over time, as a chart and as a list.
 *
 * @example
 *   <PersonPage name="ゼレンスキー" />
 */
export function PersonPage(props: { name: string }) {
  useTitle(props.name);
  const [person, reload] = useLoad(`person:${props.name}`, (signal) =>
    api.person(props.name, signal),
  );
  return (
    <section class="page person" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {props.name}
        </h1>
        <Link href={hrefOf({ page: 'search', q: `speaker:${props.name}` })}>
          この人の引用を検索
        </Link>
      </header>
      <Loaded
        value={person}
        retry={reload}
        notFound={{
          what: `人物「${props.name}」`,
          back: { href: hrefOf({ page: 'people' }), label: '人物の一覧へ' },
        }}
        placeholderClass="chart-placeholder"
      >
        {(data) => (
          <>
            <PerDayChart perDay={data.perDay} label={`${data.name}の日別の引用数`} unit="件" />
            <h2>
              引用 <span class="muted">（{data.quotes.length}件）</span>
            </h2>
            {byDay(data.quotes).map(([day, quotes]) => (
              <section key={day} class="quote-day" aria-label={day}>
                <h3>
                  <Link href={hrefOf({ page: 'digest', day })}>{day}</Link>
                </h3>
                <ul class="quotes">
                  {quotes.map((quote, index) => (
                    <li key={index}>
                      <blockquote class="quote-text">「{quote.quote}」</blockquote>
                      <p class="quote-meta">
                        <Link href={hrefOf({ page: 'tag', tag: quote.tag })}>#{quote.tag}</Link>{' '}
                        <Link href={hrefOf({ page: 'entry', id: quote.entryId })}>エントリー</Link>
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </Loaded>
    </section>
  );
}
