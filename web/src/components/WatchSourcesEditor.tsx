import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client.js';
import type { WatchSources } from '../api/types.js';
import { announce } from '../announce.js';
import { useLoad } from '../hooks.js';
import { safeHref } from '../lib/safe-url.js';
import { ExternalLink } from './Link.js';
import { ErrorNote, Loaded } from './Status.js';

/** A refusal in the curator's words, the server's own message kept after it. */
function refusalText(error: ApiError): string {
  const said =
    error.status === 409
      ? 'このフィードはすでに監視しています'
      : error.status === 404
        ? 'このフィードは監視していません'
        : error.field === 'name'
          ? '名前は1行で、#で始めずに入力してください'
          : 'http(s) のフィードのURLを入力してください';
  return `${said}（${error.message}）`;
}

/**
 * The feeds `kirinuki watch` polls, from its sources file on the server: listed with the lines
 * `watch` would skip, one added by URL and name, one removed by its button.
 *
 * @example
 *   <WatchSourcesEditor />
 */
export function WatchSourcesEditor() {
  const [list, reload, replace] = useLoad('watch-sources', (signal) => api.watchSources(signal));
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  const change = async (work: () => Promise<WatchSources>, said: string): Promise<boolean> => {
    setBusy(true);
    setRefusal(null);
    setFailure(null);
    try {
      replace(await work());
      announce(said);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500)
        setRefusal({ field: error.field, message: refusalText(error) });
      else setFailure(error instanceof Error ? error : new Error(String(error)));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (): Promise<void> => {
    const feed = url.trim();
    if (feed === '') return;
    const added = await change(
      () => api.addWatchSource(feed, name.trim() || undefined),
      `監視するフィードに追加しました：${feed}`,
    );
    if (added) {
      setUrl('');
      setName('');
    }
  };

  const urlRefused = refusal !== null && refusal.field !== 'name';
  return (
    <section class="watch-sources" aria-labelledby="watch-title">
      <h2 id="watch-title">監視するフィード</h2>
      <p class="muted">
        <code>kirinuki watch</code> が定期的に読むフィードです。
      </p>
      {list.data ? (
        <p class="muted source-file">
          ファイル：<code class="path">{list.data.file}</code>
        </p>
      ) : null}
      <Loaded value={list} retry={reload} placeholderClass="sources-placeholder">
        {(data) => (
          <>
            {data.sources.length === 0 ? (
              <p class="empty">監視しているフィードはまだありません。</p>
            ) : (
              <ul class="source-list" aria-label="監視しているフィード">
                {data.sources.map((source) => {
                  const href = safeHref(source.url);
                  const label = source.name ?? source.url;
                  return (
                    <li key={source.url}>
                      <span class="source-name">
                        {href ? <ExternalLink href={href}>{label}</ExternalLink> : label}
                      </span>
                      {source.name ? <span class="url">{source.url}</span> : null}
                      <button
                        type="button"
                        class="small"
                        disabled={busy}
                        aria-label={`${label}を監視から外す`}
                        onClick={() =>
                          void change(
                            () => api.removeWatchSource(source.url),
                            `監視から外しました：${label}`,
                          )
                        }
                      >
                        外す
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            {data.problems.length > 0 ? (
              <ul class="warnings" aria-label="watch が読み飛ばす行">
                {data.problems.map((problem, index) => (
                  <li key={index}>
                    {problem.line === null ? '' : `${problem.line}行目：`}
                    {problem.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </Loaded>
      <form
        class="source-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <div class="row">
          <label class="stacked-label">
            フィードのURL
            <input
              type="url"
              value={url}
              required
              placeholder="https://example.jp/rss"
              aria-invalid={urlRefused}
              aria-describedby={refusal ? 'source-refusal' : undefined}
              onInput={(event) => setUrl(event.currentTarget.value)}
            />
          </label>
          <label class="stacked-label">
            名前（省略可）
            <input
              type="text"
              value={name}
              maxLength={200}
              aria-invalid={refusal?.field === 'name'}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </label>
          <button type="submit" disabled={busy || url.trim() === ''}>
            追加
          </button>
        </div>
        {refusal ? (
          <p id="source-refusal" class="error" role="alert">
            {refusal.message}
          </p>
        ) : null}
      </form>
      {failure ? <ErrorNote error={failure} /> : null}
    </section>
  );
}
