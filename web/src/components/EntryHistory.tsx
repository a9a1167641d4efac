import { api } from '../api/client.js';
import { useLoad } from '../hooks.js';
import { actionLabel, changedAt, historyLines } from '../lib/history.js';

/**
 * Who changed an entry, when and which lines: its audit records, newest first. Nothing on a
 * server without accounts, which keeps no audit log.
 *
 * @example
 *   <EntryHistory id="0123456789abcdef" />
 */
export function EntryHistory(props: { id: string }) {
  const [history] = useLoad(`history:${props.id}`, (signal) => api.history(props.id, signal));
  const data = history.data;
  if (history.state === 'error')
    return <p class="muted">変更履歴を読み込めませんでした：{history.error.message}</p>;
  if (data === null || !data.audited) return null;
  const records = [...data.records].reverse();
  return (
    <section class="entry-history" aria-labelledby="entry-history-title">
      <h2 id="entry-history-title">変更履歴</h2>
      {records.length === 0 ? (
        <p class="muted">まだ誰も変更していません。</p>
      ) : (
        <ol class="history-list">
          {records.map((record, i) => (
            <li key={`${record.at}-${i}`}>
              <p class="history-head">
                <time dateTime={record.at}>{changedAt(record.at)}</time>{' '}
                <strong class="history-user">{record.user}</strong>{' '}
                <span>{actionLabel(record.action)}</span>
              </p>
              <ul class="history-lines">
                {historyLines(record).map((line, j) =>
                  line.kind === 'moved' ? (
                    <li key={j} class="history-moved">
                      {line.from}番目 → {line.to}番目
                    </li>
                  ) : (
                    <li key={j} class={`history-${line.kind}`}>
                      <span aria-hidden="true">{line.kind === 'added' ? '+ ' : '− '}</span>
                      <span class="visually-hidden">
                        {line.kind === 'added' ? '追加：' : '削除：'}
                      </span>
                      {line.text}
                    </li>
                  ),
                )}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
