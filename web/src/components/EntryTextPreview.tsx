import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';

/**
 * The entry's own text under its card — the post and the article as filed — so the curator
 * can judge a suggestion without opening the entry. A box of fixed height that scrolls, so
 * the list does not move when the text arrives.
 *
 * @example
 * <EntryTextPreview id={card.id} />
 */
export function EntryTextPreview(props: { id: string }) {
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    setText(null);
    setFailed(false);
    api.entry(props.id, controller.signal).then(
      (detail) => setText(detail.text),
      () => {
        if (!controller.signal.aborted) setFailed(true);
      },
    );
    return () => controller.abort();
  }, [props.id]);
  return (
    <div
      class="entry-text"
      tabIndex={0}
      aria-label="エントリーの本文"
      aria-busy={text === null && !failed}
    >
      {failed ? <p class="error">本文を読み込めませんでした。</p> : text}
    </div>
  );
}
