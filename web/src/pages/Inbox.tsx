import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client.js';
import type { EntryCard, Suggestion } from '../api/types.js';
import { announce } from '../announce.js';
import { Byline, EntryLinks, TagList } from '../components/EntryCardView.js';
import { onArchiveChanged } from '../components/JobsIndicator.js';
import { DropConfirm, LineEditor, RetagForm } from '../components/InboxForms.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { DayPicker } from '../components/DayPicker.js';
import { EntryTextPreview } from '../components/EntryTextPreview.js';
import { ErrorNote } from '../components/Status.js';
import { SuggestionView } from '../components/SuggestionView.js';
import { useLoad, useTitle } from '../hooks.js';
import {
  correctionOf,
  editedLines,
  isNew,
  retaggedLines,
  startingLines,
} from '../lib/corrections.js';
import { inboxCommandFor, isTypingTarget, type InboxCommand } from '../lib/keys.js';
import { cleanTag } from '../lib/summary-line.js';
import { counted } from '../lib/words.js';

type SuggestionState =
  | { state: 'loading' }
  | { state: 'ok'; suggestion: Suggestion }
  | { state: 'error'; message: string };

type Mode =
  | { kind: 'browse' }
  | { kind: 'edit'; id: string; text: string; error: string | null }
  | { kind: 'retag'; id: string; tag: string; error: string | null }
  | { kind: 'drop'; id: string };

const BROWSE: Mode = { kind: 'browse' };
const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The latest day's entries with their suggestions, worked through from the keyboard.
 *
 * @example
 *   <InboxPage day={null} /> // the latest day
 */
export function InboxPage(props: { day: string | null }) {
  useTitle('受信箱');
  const [days] = useLoad('days', (signal) => api.days(signal));
  const day = props.day ?? days.data?.days[0]?.day ?? null;
  const [entries, reloadEntries] = useLoad(`inbox:${day ?? ''}`, (signal) =>
    day === null ? Promise.resolve(null) : api.dayEntries(day, signal),
  );
  const [knownTags] = useLoad('tags', (signal) => api.tags(signal));

  const [cards, setCards] = useState<EntryCard[]>([]);
  const [selected, setSelected] = useState(0);
  // Keys can come faster than renders: the handler reads the selection and mode from these,
  // which change as soon as a key is handled, not at the next render.
  const selectedRef = useRef(0);
  selectedRef.current = selected;
  const [suggestions, setSuggestions] = useState<Record<string, SuggestionState>>({});
  const [mode, setModeState] = useState<Mode>(BROWSE);
  const modeRef = useRef<Mode>(BROWSE);
  modeRef.current = mode;
  const setMode = (next: Mode): void => {
    modeRef.current = next;
    setModeState(next);
  };
  const [helpOpen, setHelpOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<Error | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const shown = useRef(false);
  const inFlight = useRef(new Map<string, AbortController>());

  useEffect(() => onArchiveChanged(reloadEntries), [reloadEntries]);

  useEffect(() => {
    if (entries.state !== 'ok' || entries.data === null) return;
    const loaded = entries.data;
    shown.current = false;
    setCards(loaded);
    setSelected((index) => Math.min(index, Math.max(0, loaded.length - 1)));
    setSuggestions({});
  }, [entries]);

  const loadSuggestion = useCallback((id: string): void => {
    if (inFlight.current.has(id)) return;
    const controller = new AbortController();
    inFlight.current.set(id, controller);
    setSuggestions((all) => ({ ...all, [id]: { state: 'loading' } }));
    api.suggestion(id, controller.signal).then(
      (suggestion) => {
        inFlight.current.delete(id);
        setSuggestions((all) => ({ ...all, [id]: { state: 'ok', suggestion } }));
      },
      (error: unknown) => {
        inFlight.current.delete(id);
        if (!controller.signal.aborted)
          setSuggestions((all) => ({
            ...all,
            [id]: { state: 'error', message: messageOf(error) },
          }));
      },
    );
  }, []);

  // The selected entry's suggestion and the next one's are fetched (again, after a correction
  // dropped them: the tagger has learned, so what it proposes may have changed).
  useEffect(() => {
    for (const card of [cards[selected], cards[selected + 1]]) {
      if (card && suggestions[card.id] === undefined) loadSuggestion(card.id);
    }
  }, [cards, selected, suggestions, loadSuggestion]);

  useEffect(() => {
    const all = inFlight.current;
    return () => {
      for (const controller of all.values()) controller.abort();
      all.clear();
    };
  }, [day]);

  const suggestionOf = (card: EntryCard | null): Suggestion | null => {
    const state = card ? suggestions[card.id] : undefined;
    return state?.state === 'ok' ? state.suggestion : null;
  };

  const focusItem = (index: number): void => {
    const item = list.current?.children[index];
    if (item instanceof HTMLElement) {
      item.focus({ preventScroll: true });
      item.scrollIntoView({ block: 'nearest' });
    }
  };

  const select = (index: number): void => {
    if (cards.length === 0) return;
    const next = Math.max(0, Math.min(index, cards.length - 1));
    selectedRef.current = next;
    setSelected(next);
    setMode(BROWSE);
    requestAnimationFrame(() => focusItem(next));
  };

  /** Forgets every suggestion but the one given: after a correction, they may all be stale. */
  const afterCorrection = (card: EntryCard, suggestionAfter: Suggestion | null): void => {
    for (const controller of inFlight.current.values()) controller.abort();
    inFlight.current.clear();
    setSuggestions(
      suggestionAfter ? { [card.id]: { state: 'ok', suggestion: suggestionAfter } } : {},
    );
  };

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setActionError(null);
    try {
      await work();
    } catch (error) {
      setActionError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setBusy(false);
    }
  };

  const replaceCard = (card: EntryCard): void =>
    setCards((all) => all.map((c) => (c.id === card.id ? card : c)));

  /** Sends corrected lines; returns the server's complaint when it refused them. */
  const sendLines = async (card: EntryCard, lines: string[]): Promise<string | null> => {
    const correction = correctionOf(card, lines);
    try {
      if (correction.kind === 'accept') {
        const result = await api.accept(card.id, correction.line);
        replaceCard(result.card);
        afterCorrection(result.card, result.suggestionAfter);
      } else {
        // The lines as shown: another curator's save since then is a 409, not overwritten.
        const result = await api.updateSummaryLines(card.id, correction.lines, card.summaryLines);
        replaceCard(result.card);
        afterCorrection(result.card, null);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 400)
        return `${error.message}${error.field ? ` (${error.field})` : ''}`;
      if (error instanceof ApiError && error.status === 409 && error.field === 'startedFrom')
        return '他の人がこの項目を先に変更しました。保存していません。再読み込みしてからやり直してください';
      throw error;
    }
    announce('保存しました。この後の提案はこの修正を学んでいます');
    const index = cards.findIndex((c) => c.id === card.id);
    select(index + 1 < cards.length ? index + 1 : index);
    return null;
  };

  const accept = (card: EntryCard): void => {
    if (!isNew(card)) {
      announce('登録済みです。要約行の編集は e、タグ変更は t');
      return;
    }
    if (!suggestionOf(card)?.line) {
      announce('採用できる要約行がまだありません。e で書いてください');
      return;
    }
    void run(async () => {
      const result = await api.accept(card.id);
      replaceCard(result.card);
      afterCorrection(result.card, result.suggestionAfter);
      announce(`採用しました：${result.card.summaryLines[0] ?? ''}`);
      const index = cards.findIndex((c) => c.id === card.id);
      select(index + 1 < cards.length ? index + 1 : index);
    });
  };

  const startEdit = (card: EntryCard): void => {
    setMode({
      kind: 'edit',
      id: card.id,
      text: startingLines(card, suggestionOf(card)).join('\n'),
      error: null,
    });
  };

  const startRetag = (card: EntryCard): void => {
    setMode({
      kind: 'retag',
      id: card.id,
      tag: suggestionOf(card)?.tags[0]?.tag ?? card.tags[0] ?? '',
      error: null,
    });
  };

  const saveEdit = (card: EntryCard, text: string): void => {
    void run(async () => {
      const error = await sendLines(card, editedLines(text));
      if (error !== null) setMode({ kind: 'edit', id: card.id, text, error });
    });
  };

  const saveRetag = (card: EntryCard, tag: string): void => {
    const clean = cleanTag(tag);
    if (clean === '') {
      setMode({ kind: 'retag', id: card.id, tag, error: 'タグを入力してください' });
      return;
    }
    const lines = retaggedLines(card, suggestionOf(card), clean);
    if (lines === null) {
      setMode({ kind: 'edit', id: card.id, text: `#${clean}()`, error: null });
      return;
    }
    void run(async () => {
      const error = await sendLines(card, lines);
      if (error !== null) setMode({ kind: 'retag', id: card.id, tag, error });
    });
  };

  const drop = (card: EntryCard): void => {
    void run(async () => {
      await api.deleteEntry(card.id);
      const index = cards.findIndex((c) => c.id === card.id);
      setCards((all) => all.filter((c) => c.id !== card.id));
      setMode(BROWSE);
      announce(`削除しました：${card.headline}`);
      const next = Math.min(index, cards.length - 2);
      if (next >= 0) requestAnimationFrame(() => focusItem(next));
      setSelected(Math.max(0, next));
    });
  };

  const command = (name: InboxCommand): void => {
    if (name === 'help') {
      setHelpOpen((open) => !open);
      return;
    }
    const index = selectedRef.current;
    if (name === 'next') return select(index + 1);
    if (name === 'previous') return select(index - 1);
    const current = cards[index];
    if (!current || busy) return;
    if (name === 'accept') accept(current);
    else if (name === 'edit') startEdit(current);
    else if (name === 'retag') startRetag(current);
    else if (name === 'drop') setMode({ kind: 'drop', id: current.id });
  };

  // Registered again on every render, so the handler always sees the current state.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTypingTarget(event.target as HTMLElement | null)) return;
      const name = inboxCommandFor(event);
      if (name === null) {
        if (event.key === 'Escape' && modeRef.current.kind !== 'browse') {
          setMode(BROWSE);
          focusItem(selectedRef.current);
        }
        return;
      }
      if (helpOpen && name !== 'help') return;
      event.preventDefault();
      const chosen = cards[selectedRef.current];
      const pending = modeRef.current;
      if (pending.kind === 'drop' && name === 'drop' && chosen && pending.id === chosen.id)
        drop(chosen);
      else command(name);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const dayList = days.data?.days ?? [];
  const newCount = cards.filter(isNew).length;
  // The list appears as soon as its entries are in: the selected entry's suggestion (a tagger
  // over a large archive takes hundreds of ms) arrives in a slot whose height is kept for it,
  // so it pushes nothing down.
  if (entries.state === 'ok' && entries.data !== null && cards === entries.data) {
    shown.current = true;
  }
  const ready = shown.current || entries.state === 'error';

  return (
    <section class="page inbox" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          受信箱
        </h1>
        <div class="page-tools">
          <DayPicker page="inbox" day={day} days={dayList} />
          <button type="button" onClick={() => setHelpOpen(true)} aria-label="キー操作の一覧（?）">
            キー操作 <kbd>?</kbd>
          </button>
        </div>
      </header>
      <p class="lede" aria-live="polite">
        {ready && entries.state === 'ok' && entries.data
          ? `${day ?? ''}：${counted(cards.length, '件')}（新着${newCount}件）· j/k 移動、a 採用、e 編集、t タグ変更、x 削除`
          : '\u00a0'}
      </p>
      {days.state === 'error' ? <ErrorNote error={days.error} /> : null}
      {entries.state === 'error' ? <ErrorNote error={entries.error} retry={reloadEntries} /> : null}
      {actionError ? <ErrorNote error={actionError} /> : null}
      {days.state === 'ok' && dayList.length === 0 ? (
        <p class="empty">
          アーカイブは空です。ダイジェストを取り込む（ジョブ →
          取り込む）か、「作成」でエントリーを書いてください。
        </p>
      ) : null}
      {entries.data === null &&
      entries.state !== 'error' &&
      (days.state === 'loading' || day !== null) ? (
        <div class="placeholder list-placeholder" aria-busy="true">
          <span class="visually-hidden">読み込み中…</span>
        </div>
      ) : null}
      <ol ref={list} class="inbox-list" aria-label={`${day ?? ''}のエントリー`} hidden={!ready}>
        {cards.map((card, index) => {
          const isSelected = index === selected;
          const state = suggestions[card.id];
          return (
            <li
              key={card.id}
              class={`inbox-item${isSelected ? ' selected' : ''}${isNew(card) ? ' new' : ''}`}
              tabIndex={isSelected ? 0 : -1}
              aria-current={isSelected ? 'true' : undefined}
              aria-label={`${index + 1}. ${card.headline}${isNew(card) ? '（新着）' : ''}`}
              onClick={() => {
                if (!isSelected) select(index);
              }}
            >
              <div class="item-head">
                <span class={isNew(card) ? 'status new' : 'status filed'}>
                  {isNew(card) ? '新着' : '登録済み'}
                </span>
                <h2 class="headline">{card.headline}</h2>
              </div>
              <Byline card={card} />
              {card.summaryLines.length > 0 ? (
                <ul class="summary-lines" aria-label="要約行">
                  {card.summaryLines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ) : null}
              <TagList tags={card.tags} />
              {isSelected ? <EntryTextPreview id={card.id} /> : null}
              {isSelected ? (
                <div class="suggestion-slot">
                  {state?.state === 'ok' ? (
                    <SuggestionView
                      suggestion={state.suggestion}
                      label={`「${card.headline}」への提案`}
                    />
                  ) : state?.state === 'error' ? (
                    <p class="error">{state.message}</p>
                  ) : (
                    <div class="placeholder suggestion-placeholder" aria-busy="true">
                      <span class="visually-hidden">提案を読み込み中…</span>
                    </div>
                  )}
                </div>
              ) : null}
              {isSelected ? (
                <>
                  {mode.kind === 'edit' && mode.id === card.id ? (
                    <LineEditor
                      card={card}
                      text={mode.text}
                      error={mode.error}
                      busy={busy}
                      onChange={(text) => setMode({ ...mode, text })}
                      onSave={(text) => saveEdit(card, text)}
                      onCancel={() => {
                        setMode(BROWSE);
                        focusItem(index);
                      }}
                    />
                  ) : null}
                  {mode.kind === 'retag' && mode.id === card.id ? (
                    <RetagForm
                      card={card}
                      tag={mode.tag}
                      error={mode.error}
                      busy={busy}
                      choices={[
                        ...(suggestionOf(card)?.tags.map((t) => t.tag) ?? []),
                        ...(knownTags.data?.tags.map((t) => t.tag) ?? []),
                      ]}
                      onChange={(tag) => setMode({ ...mode, tag })}
                      onSave={(tag) => saveRetag(card, tag)}
                      onCancel={() => {
                        setMode(BROWSE);
                        focusItem(index);
                      }}
                    />
                  ) : null}
                  {mode.kind === 'drop' && mode.id === card.id ? (
                    <DropConfirm
                      card={card}
                      busy={busy}
                      onDrop={() => drop(card)}
                      onKeep={() => {
                        setMode(BROWSE);
                        focusItem(index);
                      }}
                    />
                  ) : null}
                  <div class="item-actions" role="group" aria-label={`「${card.headline}」の操作`}>
                    <button type="button" disabled={busy} onClick={() => accept(card)}>
                      採用 <kbd>a</kbd>
                    </button>
                    <button type="button" disabled={busy} onClick={() => startEdit(card)}>
                      編集 <kbd>e</kbd>
                    </button>
                    <button type="button" disabled={busy} onClick={() => startRetag(card)}>
                      タグ変更 <kbd>t</kbd>
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => setMode({ kind: 'drop', id: card.id })}
                    >
                      削除 <kbd>x</kbd>
                    </button>
                  </div>
                  <EntryLinks card={card} />
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      <KeyHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}
