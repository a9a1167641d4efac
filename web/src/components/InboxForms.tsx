import { useEffect, useRef } from 'preact/hooks';
import type { EntryCard } from '../api/types.js';
import { isSavePress } from '../lib/keys.js';

/**
 * The summary-line editor of an inbox entry: one line a line, Ctrl+Enter saves, Esc cancels;
 * the server's refusal is shown under it, naming the line.
 *
 * @example
 *   <LineEditor card={card} text={text} error={null} busy={false} onChange={setText} onSave={save} onCancel={close} />
 */
export function LineEditor(props: {
  card: EntryCard;
  text: string;
  error: string | null;
  busy: boolean;
  onChange: (text: string) => void;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    element.focus();
    // Inside the brackets of a fresh `#Tag()`, else at the end.
    const at = element.value.endsWith('()') ? element.value.length - 1 : element.value.length;
    element.setSelectionRange(at, at);
  }, []);
  const id = `edit-${props.card.id}`;
  return (
    <form
      class="line-editor"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave(props.text);
      }}
    >
      <label for={id}>要約行（1行に1つ。Ctrl+Enterで保存、Escで取消）</label>
      <textarea
        id={id}
        ref={area}
        rows={Math.max(2, props.text.split('\n').length + 1)}
        value={props.text}
        aria-invalid={props.error !== null}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onInput={(event) => props.onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (isSavePress(event)) {
            event.preventDefault();
            props.onSave(event.currentTarget.value);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            props.onCancel();
          }
        }}
      />
      {props.error ? (
        <p id={`${id}-error`} class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div class="row">
        <button type="submit" disabled={props.busy}>
          保存
        </button>
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

/**
 * The retag field of an inbox entry: a tag (known tags offered), Enter saves, Esc cancels.
 *
 * @example
 *   <RetagForm card={card} tag="露朝" error={null} busy={false} choices={tags} onChange={setTag} onSave={save} onCancel={close} />
 */
export function RetagForm(props: {
  card: EntryCard;
  tag: string;
  error: string | null;
  busy: boolean;
  choices: string[];
  onChange: (tag: string) => void;
  onSave: (tag: string) => void;
  onCancel: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const id = `retag-${props.card.id}`;
  const choices = [...new Set(props.choices)];
  return (
    <form
      class="retag-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave(props.tag);
      }}
    >
      <label for={id}>新しいタグ（Enterで保存、Escで取消）</label>
      <div class="row">
        <span aria-hidden="true">#</span>
        <input
          id={id}
          ref={input}
          type="text"
          list={`${id}-choices`}
          value={props.tag}
          autocomplete="off"
          aria-invalid={props.error !== null}
          onInput={(event) => props.onChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              props.onCancel();
            }
          }}
        />
        <button type="submit" disabled={props.busy}>
          タグ変更
        </button>
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
      </div>
      <datalist id={`${id}-choices`}>
        {choices.map((choice) => (
          <option key={choice} value={choice} />
        ))}
      </datalist>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
    </form>
  );
}

/**
 * Asks before an entry is dropped from the archive (x or Enter drops, Esc keeps).
 *
 * @example
 *   <DropConfirm card={card} busy={false} onDrop={drop} onKeep={close} />
 */
export function DropConfirm(props: {
  card: EntryCard;
  busy: boolean;
  onDrop: () => void;
  onKeep: () => void;
}) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div
      class="drop-confirm"
      role="alertdialog"
      aria-label={`「${props.card.headline}」を削除しますか`}
    >
      <p>このエントリーをアーカイブから削除しますか？（xかEnterで削除、Escで残す）</p>
      <div class="row">
        <button
          ref={button}
          type="button"
          class="danger"
          disabled={props.busy}
          onClick={props.onDrop}
        >
          削除
        </button>
        <button type="button" onClick={props.onKeep}>
          残す
        </button>
      </div>
    </div>
  );
}
