import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import {
  DIGEST_FORMATS,
  type DigestFormat,
  type EntryCard,
  type PublishOutcome,
  type PublishTarget,
  type QuoteFlag,
} from '../api/types.js';
import { announce } from '../announce.js';
import { OrderItem, PublishedNote } from '../components/DigestParts.js';
import { onArchiveChanged } from '../components/JobsIndicator.js';
import { DayPicker } from '../components/DayPicker.js';
import { ErrorNote } from '../components/Status.js';
import { useLoad, useTitle } from '../hooks.js';
import { digestFile, formatLabel } from '../lib/digest-formats.js';
import { dropIndex, moveItem } from '../lib/reorder.js';
import { counted } from '../lib/words.js';

const TARGET_LABELS: Record<PublishTarget, string> = {
  hatena: 'はてなブログ',
  wordpress: 'WordPress',
};

const errorOf = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error));

function download(text: string, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A day's digest: its order (drag or keys), the quote check's flags, a live preview in each format, copy, download, publish.
 *
 * @example
 *   <DigestPage day="2024-03-06" />
 */
export function DigestPage(props: { day: string | null }) {
  useTitle('ダイジェスト');
  const [days] = useLoad('days', (signal) => api.days(signal));
  const day = props.day ?? days.data?.days[0]?.day ?? null;
  const [entries, reloadEntries] = useLoad(`digest-entries:${day ?? ''}`, (signal) =>
    day === null ? Promise.resolve(null) : api.dayEntries(day, signal),
  );
  const [format, setFormat] = useState<DigestFormat>('text');
  const [version, setVersion] = useState(0);
  const [preview] = useLoad(`digest:${day ?? ''}:${format}:${version}`, (signal) =>
    day === null ? Promise.resolve(null) : api.digest(day, format, signal),
  );
  const [order, setOrder] = useState<EntryCard[]>([]);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<{ index: number; after: boolean } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [orderError, setOrderError] = useState<Error | null>(null);
  const [htmlView, setHtmlView] = useState<'rendered' | 'source'>('rendered');
  const [target, setTarget] = useState<PublishTarget>('hatena');
  const [makePublic, setMakePublic] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<PublishOutcome | null>(null);
  const [publishError, setPublishError] = useState<Error | null>(null);
  const saves = useRef({ chain: Promise.resolve(), sent: 0 });
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => onArchiveChanged(reloadEntries), [reloadEntries]);
  useEffect(() => {
    if (entries.state === 'ok' && entries.data) {
      shown.current = false;
      setOrder(entries.data);
    }
  }, [entries]);
  useEffect(() => {
    if (focusId === null) return;
    const handle = list.current?.querySelector<HTMLElement>(
      `li[data-id="${CSS.escape(focusId)}"] .drag-handle`,
    );
    handle?.focus();
    setFocusId(null);
  }, [focusId, order]);

  // The order appears with its flags in place (they come with the preview), so they do not push
  // the entries down once shown.
  const shown = useRef(false);
  if (
    entries.state === 'ok' &&
    entries.data !== null &&
    order === entries.data &&
    preview.state !== 'loading'
  )
    shown.current = true;
  const ready = shown.current || entries.state === 'error';
  const lastFlags = useRef<QuoteFlag[]>([]);
  if (preview.data) lastFlags.current = preview.data.flags;
  const flags = preview.data?.flags ?? lastFlags.current;

  const move = (from: number, to: number): void => {
    if (day === null || from === to) return;
    const before = order;
    const next = moveItem(order, from, to);
    const moved = next[Math.max(0, Math.min(to, next.length - 1))];
    setOrder(next);
    setOrderError(null);
    if (moved) {
      setFocusId(moved.id);
      announce(`${moved.headline}：${next.length}件中${next.indexOf(moved) + 1}番目`);
    }
    // Saves run one after another, so the server ends with the last order shown.
    const ticket = ++saves.current.sent;
    saves.current.chain = saves.current.chain.then(async () => {
      try {
        const result = await api.reorder(
          day,
          next.map((card) => card.id),
        );
        if (ticket === saves.current.sent) {
          setOrder(result.entries);
          setVersion((v) => v + 1);
        }
      } catch (error) {
        if (ticket === saves.current.sent) {
          setOrder(before);
          setOrderError(errorOf(error));
        }
      }
    });
  };

  const copy = async (): Promise<void> => {
    if (!preview.data) return;
    try {
      await navigator.clipboard.writeText(preview.data.text);
      announce(`${day ?? ''}のダイジェスト（${formatLabel(format)}）をコピーしました`);
    } catch (error) {
      announce(`コピーできませんでした：${errorOf(error).message}`);
    }
  };

  const publish = async (): Promise<void> => {
    if (day === null) return;
    const how = makePublic ? '公開記事' : '下書き';
    if (
      !window.confirm(`${day}のダイジェストを${TARGET_LABELS[target]}に${how}として投稿しますか？`)
    )
      return;
    setPublishing(true);
    setPublishError(null);
    try {
      setPublished(await api.publish(day, target, makePublic));
      announce(`${day}のダイジェストを${TARGET_LABELS[target]}に投稿しました`);
    } catch (error) {
      setPublishError(errorOf(error));
    } finally {
      setPublishing(false);
    }
  };

  const dayList = days.data?.days ?? [];
  return (
    <section class="page digest" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          ダイジェスト
        </h1>
        <div class="page-tools">
          <DayPicker page="digest" day={day} days={dayList} />
        </div>
      </header>
      {days.state === 'error' ? <ErrorNote error={days.error} /> : null}
      {days.state === 'ok' && dayList.length === 0 ? (
        <p class="empty">登録された日はまだありません。</p>
      ) : null}
      <div class="digest-columns">
        <section class="digest-order" aria-labelledby="order-title">
          <h2 id="order-title">
            並び順{' '}
            <span class="muted">
              （{counted(order.length, '件')}、指摘{counted(flags.length, '件')}）
            </span>
          </h2>
          {entries.state === 'error' ? (
            <ErrorNote error={entries.error} retry={reloadEntries} />
          ) : null}
          {orderError ? <ErrorNote error={orderError} /> : null}
          {!ready && (days.state === 'loading' || day !== null) ? (
            <div class="placeholder list-placeholder" aria-busy="true">
              <span class="visually-hidden">読み込み中…</span>
            </div>
          ) : null}
          <ol ref={list} class="order-list" aria-label={`${day ?? ''}の並び順`} hidden={!ready}>
            {order.map((card, index) => (
              <OrderItem
                key={card.id}
                card={card}
                index={index}
                count={order.length}
                flags={flags.filter((flag) => flag.entryId === card.id)}
                dropMark={
                  dragFrom !== null && dropAt?.index === index
                    ? dropAt.after
                      ? 'after'
                      : 'before'
                    : null
                }
                onMove={move}
                onDragStart={setDragFrom}
                onDragOver={(over, after) => setDropAt({ index: over, after })}
                onDrop={(over, after) => {
                  if (dragFrom !== null) move(dragFrom, dropIndex(dragFrom, over, after));
                  setDragFrom(null);
                  setDropAt(null);
                }}
                onDragEnd={() => {
                  setDragFrom(null);
                  setDropAt(null);
                }}
              />
            ))}
          </ol>
        </section>
        <section class="digest-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">プレビュー</h2>
          <div class="tabs" role="tablist" aria-label="出力形式">
            {DIGEST_FORMATS.map((f) => (
              <button
                key={f}
                type="button"
                role="tab"
                id={`tab-${f}`}
                aria-selected={f === format}
                aria-controls="preview-panel"
                tabIndex={f === format ? 0 : -1}
                onClick={() => setFormat(f)}
                onKeyDown={(event) => {
                  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                  if (step === 0) return;
                  event.preventDefault();
                  const next =
                    DIGEST_FORMATS[
                      (DIGEST_FORMATS.indexOf(f) + step + DIGEST_FORMATS.length) %
                        DIGEST_FORMATS.length
                    ] ?? f;
                  setFormat(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }}
              >
                {formatLabel(f)}
              </button>
            ))}
          </div>
          <div class="preview-tools row">
            <button type="button" disabled={!preview.data} onClick={() => void copy()}>
              コピー
            </button>
            <button
              type="button"
              disabled={!preview.data || day === null}
              onClick={() => {
                if (!preview.data || day === null) return;
                const file = digestFile(day, format);
                download(preview.data.text, file.name, file.mime);
              }}
            >
              ダウンロード
            </button>
            {format === 'html' ? (
              <label class="inline-label">
                <input
                  type="checkbox"
                  checked={htmlView === 'source'}
                  onChange={(event) =>
                    setHtmlView(event.currentTarget.checked ? 'source' : 'rendered')
                  }
                />{' '}
                ソースを表示
              </label>
            ) : null}
          </div>
          <div
            id="preview-panel"
            class="preview"
            role="tabpanel"
            aria-labelledby={`tab-${format}`}
            aria-busy={preview.state === 'loading'}
          >
            {preview.state === 'error' ? <ErrorNote error={preview.error} /> : null}
            {preview.data ? (
              format === 'html' && htmlView === 'rendered' ? (
                <iframe
                  class="html-preview"
                  title={`${day ?? ''}のHTMLプレビュー`}
                  sandbox=""
                  srcdoc={preview.data.text}
                />
              ) : (
                <pre class="preview-text">{preview.data.text}</pre>
              )
            ) : null}
          </div>
          <form
            class="publish"
            onSubmit={(event) => {
              event.preventDefault();
              void publish();
            }}
          >
            <h3>ブログに投稿</h3>
            <div class="row">
              <label class="inline-label">
                投稿先{' '}
                <select
                  value={target}
                  onChange={(event) => setTarget(event.currentTarget.value as PublishTarget)}
                >
                  <option value="hatena">{TARGET_LABELS.hatena}</option>
                  <option value="wordpress">{TARGET_LABELS.wordpress}</option>
                </select>
              </label>
              <label class="inline-label">
                <input
                  type="checkbox"
                  checked={makePublic}
                  onChange={(event) => setMakePublic(event.currentTarget.checked)}
                />{' '}
                公開する（しなければ下書き）
              </label>
              <button type="submit" disabled={publishing || day === null}>
                {publishing ? '投稿中…' : '投稿'}
              </button>
            </div>
            {publishError ? <ErrorNote error={publishError} /> : null}
            {published ? <PublishedNote outcome={published} /> : null}
          </form>
        </section>
      </div>
    </section>
  );
}
