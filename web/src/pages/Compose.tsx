import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { AnnotateResponse, CreatedResponse } from '../api/types.js';
import { announce } from '../announce.js';
import { EntryCardView } from '../components/EntryCardView.js';
import { ErrorNote } from '../components/Status.js';
import { SuggestionView } from '../components/SuggestionView.js';
import { WatchSourcesEditor } from '../components/WatchSourcesEditor.js';
import { useDebounced, useTitle } from '../hooks.js';
import {
  annotatedSegments,
  speakersOf,
  type AnnotatedPart,
  type AnnotatedSegment,
} from '../lib/annotation-segments.js';
import { classifyComposeInput, type ComposeInput } from '../lib/compose-input.js';
import { counted } from '../lib/words.js';

const SPEAKER_COLOURS = 6;

/**
 * The text the annotator reads: pasted text as it is; for embed code, the text of the embedded
 * post (parsed inertly: DOMParser runs no script and loads nothing); nothing for a URL.
 */
function annotatableText(input: ComposeInput): string {
  if (input.kind === 'paste') return input.paste;
  if (input.kind !== 'embed') return '';
  const parsed = new DOMParser().parseFromString(input.embed, 'text/html');
  const quote = parsed.querySelector('blockquote') ?? parsed.body;
  return (quote.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

type Annotation =
  | { state: 'idle' }
  | { state: 'loading'; text: string; last: { text: string; result: AnnotateResponse } | null }
  | { state: 'ok'; text: string; result: AnnotateResponse }
  | { state: 'error'; error: Error };

function Parts(props: { parts: AnnotatedPart[] }) {
  return (
    <>
      {props.parts.map((part, index) =>
        part.entity ? (
          <span
            key={index}
            class={`entity entity-${part.entity.kind}`}
            title={`${part.entity.kind}: ${part.entity.canonical}`}
          >
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** The text with its quotes highlighted in their speaker's colour and its entities underlined. */
function AnnotatedText(props: { segments: AnnotatedSegment[] }) {
  return (
    <div class="annotated-text">
      {props.segments.map((segment, index) =>
        segment.kind === 'plain' ? (
          <Parts key={index} parts={segment.parts} />
        ) : (
          <mark
            key={index}
            class={`quote speaker-${segment.speakerIndex % SPEAKER_COLOURS}`}
            title={
              segment.quote.speaker
                ? `${segment.quote.speaker} (${segment.quote.kind})`
                : `話者不明（${segment.quote.kind}）`
            }
          >
            <Parts parts={segment.parts} />
            <span class="speaker-tag">{segment.quote.speaker ?? '?'}</span>
          </mark>
        ),
      )}
    </div>
  );
}

/**
 * Paste embed code, a URL or text; see it annotated and tagged as you type; save it as an entry.
 *
 * @example
 *   <ComposePage />
 */
export function ComposePage() {
  useTitle('作成');
  const [raw, setRaw] = useState('');
  const [day, setDay] = useState('');
  const [annotation, setAnnotation] = useState<Annotation>({ state: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<CreatedResponse | null>(null);
  const [saveError, setSaveError] = useState<Error | null>(null);
  const input = classifyComposeInput(raw);
  const settled = useDebounced(raw, 300);

  useEffect(() => {
    const text = annotatableText(classifyComposeInput(settled));
    if (text === '') {
      setAnnotation({ state: 'idle' });
      return;
    }
    const controller = new AbortController();
    setAnnotation((previous) => ({
      state: 'loading',
      text,
      last:
        previous.state === 'ok'
          ? { text: previous.text, result: previous.result }
          : previous.state === 'loading'
            ? previous.last
            : null,
    }));
    api.annotate(text, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setAnnotation({ state: 'ok', text, result });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setAnnotation({
            state: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
      },
    );
    return () => controller.abort();
  }, [settled]);

  const save = async (): Promise<void> => {
    if (input.kind === 'empty') return;
    setSaving(true);
    setSaveError(null);
    try {
      const source =
        input.kind === 'url'
          ? { url: input.url }
          : input.kind === 'embed'
            ? { embed: input.embed }
            : { paste: input.paste };
      const result = await api.createEntry(source, day || undefined);
      setSaved(result);
      announce(`${counted(result.created.length, '件')}のエントリーを保存しました`);
      if (result.created.length > 0) setRaw('');
    } catch (error) {
      setSaveError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setSaving(false);
    }
  };

  const shown =
    annotation.state === 'ok'
      ? annotation
      : annotation.state === 'loading'
        ? annotation.last
        : null;
  const segments = shown
    ? annotatedSegments(shown.text, shown.result.quotes, shown.result.entities)
    : [];
  const quotes = segments.flatMap((segment) => (segment.kind === 'quote' ? [segment.quote] : []));
  const speakers = speakersOf(quotes);
  const kindLabel: Record<ComposeInput['kind'], string> = {
    empty: 'まだ何もありません',
    url: 'URL：保存するとページか投稿を取得して登録します',
    embed: '埋め込みコード：そこから投稿を読み取ります',
    paste: 'テキスト：投稿、記事、またはクリップ文書',
  };

  return (
    <section class="page compose" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          作成
        </h1>
      </header>
      <form
        class="compose-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label for="compose-input">埋め込みコード、URL、またはテキスト</label>
        <textarea
          id="compose-input"
          rows={10}
          value={raw}
          placeholder={
            '<blockquote class="twitter-tweet">…</blockquote>、https://…、または投稿の本文'
          }
          onInput={(event) => setRaw(event.currentTarget.value)}
        />
        <p class="muted input-kind" aria-live="polite">
          {kindLabel[input.kind]}
        </p>
        <div class="row">
          <label class="inline-label">
            登録する日付（省略可）{' '}
            <input type="date" value={day} onInput={(event) => setDay(event.currentTarget.value)} />
          </label>
          <button type="submit" disabled={saving || input.kind === 'empty'}>
            {saving ? '保存中…' : 'エントリーとして保存'}
          </button>
        </div>
      </form>
      {saveError ? <ErrorNote error={saveError} /> : null}
      {saved ? (
        <section class="saved" aria-label="保存したエントリー">
          <h2>保存しました</h2>
          {saved.warnings.length > 0 ? (
            <ul class="warnings" aria-label="警告">
              {saved.warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          ) : null}
          {saved.created.length === 0 ? (
            <p class="muted">新しいものはありません。アーカイブに登録済みです。</p>
          ) : null}
          {saved.created.map((card) => (
            <EntryCardView key={card.id} card={card} />
          ))}
        </section>
      ) : null}
      <section class="annotation" aria-label="注釈" aria-busy={annotation.state === 'loading'}>
        <h2>注釈（引用と話者）</h2>
        {annotation.state === 'error' ? <ErrorNote error={annotation.error} /> : null}
        <div class="annotation-box">
          {shown ? (
            <>
              <AnnotatedText segments={segments} />
              {speakers.length > 0 ? (
                <ul class="speakers" aria-label="話者">
                  {speakers.map((speaker, index) => (
                    <li key={speaker} class={`speaker-${index % SPEAKER_COLOURS}`}>
                      <mark class={`quote speaker-${index % SPEAKER_COLOURS}`}>
                        {speaker || '話者不明'}
                      </mark>{' '}
                      {counted(
                        quotes.filter((quote) => (quote.speaker ?? '') === speaker).length,
                        '件の引用',
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">引用は見つかりませんでした。</p>
              )}
              {shown.result.suggestion ? (
                <SuggestionView suggestion={shown.result.suggestion} />
              ) : null}
            </>
          ) : (
            <p class="muted">
              {input.kind === 'url'
                ? 'URLは保存するときに読み込みます。'
                : '入力か貼り付けをすると、引用・話者・名前が表示されます。'}
            </p>
          )}
        </div>
      </section>
      <WatchSourcesEditor />
    </section>
  );
}
