import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client.js';
import type { FacetValue, SearchFacets, SearchHit } from '../api/types.js';
import { Byline, EntryLinks, TagList } from '../components/EntryCardView.js';
import { Highlighted } from '../components/Highlighted.js';
import { Link } from '../components/Link.js';
import { useDebounced, useLoad, useTitle } from '../hooks.js';
import { navigate } from '../navigation.js';
import { hrefOf } from '../lib/routes.js';
import { facetFilter, hasFilter, toggleFilter, type FacetKind } from '../lib/search-query.js';
import { counted } from '../lib/words.js';

const PAGE = 20;

const FACETS: readonly { kind: FacetKind; title: string }[] = [
  { kind: 'tags', title: 'タグ' },
  { kind: 'speakers', title: '話者' },
  { kind: 'sources', title: '出典' },
  { kind: 'days', title: '日付' },
];

function Hit(props: { hit: SearchHit }) {
  const { card, snippet } = props.hit;
  return (
    <li class="hit">
      <article class="card">
        <h2 class="headline">
          <Link href={hrefOf({ page: 'entry', id: card.id })}>{card.headline}</Link>
        </h2>
        <Byline card={card} />
        <p class="snippet">
          <Highlighted text={snippet.text} highlights={snippet.highlights} />
        </p>
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
    </li>
  );
}

function FacetGroup(props: {
  kind: FacetKind;
  title: string;
  values: FacetValue[];
  query: string;
  onToggle: (filter: string) => void;
}) {
  if (props.values.length === 0) return null;
  return (
    <section class="facet" aria-label={props.title}>
      <h3>{props.title}</h3>
      <ul>
        {props.values.map((value) => {
          const filter = facetFilter(props.kind, value.value);
          return (
            <li key={value.value}>
              {filter ? (
                <button
                  type="button"
                  class="facet-value"
                  aria-pressed={hasFilter(props.query, filter)}
                  aria-label={`${props.title}：${value.value}（${value.count}件）`}
                  onClick={() => props.onToggle(filter)}
                >
                  <span class="facet-name">{value.value}</span>{' '}
                  <span class="count">{value.count}</span>
                </button>
              ) : (
                <span class="facet-value static">
                  <span class="facet-name">{value.value}</span>{' '}
                  <span class="count">{value.count}</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Search as you type, in the CLI's query syntax, with highlighted snippets and facets.
 *
 * @example
 *   <SearchPage q="停戦 tag:ウクライナ和平交渉" />
 */
export function SearchPage(props: { q: string }) {
  useTitle(props.q ? `検索：${props.q}` : '検索');
  const [query, setQuery] = useState(props.q);
  const [pages, setPages] = useState(1);
  const settled = useDebounced(query, 150);
  const input = useRef<HTMLInputElement>(null);

  // The address follows the box (replaced, not pushed, while typing); the box follows the
  // address only when something else changed it (back, forward, a link).
  const written = useRef(props.q);
  useEffect(() => {
    if (props.q !== written.current) {
      written.current = props.q;
      setQuery(props.q);
    }
  }, [props.q]);
  useEffect(() => {
    setPages(1);
    if (settled !== written.current) {
      written.current = settled;
      navigate(hrefOf({ page: 'search', q: settled }), { replace: true });
    }
  }, [settled]);
  useEffect(() => input.current?.focus(), []);

  const trimmed = settled.trim();
  const [result] = useLoad(`search:${trimmed}:${pages}`, (signal) =>
    trimmed === ''
      ? Promise.resolve(null)
      : api.search({ q: trimmed, limit: PAGE * pages }, signal),
  );
  const lastFacets = useRef<SearchFacets | null>(null);
  if (result.data) lastFacets.current = result.data.facets;
  const queryError = result.state === 'error' ? result.error : null;
  const data = trimmed === '' ? null : result.data;

  return (
    <section class="page search" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          検索
        </h1>
      </header>
      <form
        class="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          written.current = query;
          navigate(hrefOf({ page: 'search', q: query }), { replace: true });
        }}
      >
        <label for="search-input">検索語</label>
        <input
          id="search-input"
          ref={input}
          type="search"
          value={query}
          autocomplete="off"
          spellcheck={false}
          placeholder='停戦 tag:露朝 speaker:ゼレンスキー "凍結資産 没収" -ハマス since:2024-03-01'
          aria-describedby="search-help search-error"
          aria-invalid={queryError instanceof ApiError && queryError.status === 400}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <p id="search-help" class="muted">
          語（すべて含む）、"語句"、-除外、tag:、from:@ハンドル、speaker:、person:、since:、until:
        </p>
        <p id="search-error" class="error" role="status">
          {queryError ? queryError.message : ''}
        </p>
      </form>
      <div class="search-columns">
        <div class="results" aria-busy={result.state === 'loading' && trimmed !== ''}>
          <p class="result-count" aria-live="polite">
            {data
              ? `${data.totalExact === false ? '約' : ''}${counted(data.total, '件')}`
              : trimmed === ''
                ? '入力すると検索します。'
                : '\u00a0'}
          </p>
          {data ? (
            <ol class="hits">
              {data.hits.map((hit) => (
                <Hit key={hit.card.id} hit={hit} />
              ))}
            </ol>
          ) : null}
          {data && data.hits.length < data.total ? (
            <button type="button" class="more" onClick={() => setPages(pages + 1)}>
              さらに表示
            </button>
          ) : null}
        </div>
        <aside class="facets" aria-label="絞り込み">
          <h2 class="visually-hidden">絞り込み</h2>
          {trimmed !== '' && lastFacets.current
            ? FACETS.map((facet) => (
                <FacetGroup
                  key={facet.kind}
                  kind={facet.kind}
                  title={facet.title}
                  values={lastFacets.current?.[facet.kind] ?? []}
                  query={query}
                  onToggle={(filter) => setQuery(toggleFilter(query, filter))}
                />
              ))
            : null}
        </aside>
      </div>
    </section>
  );
}
