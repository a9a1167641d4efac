import { useEffect, useRef } from 'preact/hooks';
import { INBOX_KEYS } from '../lib/keys.js';

const KEY_NAMES: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑' };

/**
 * The `?` list of the inbox's keys, as a modal dialog (Esc or `?` closes it).
 *
 * @example
 *   <KeyHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
 */
export function KeyHelp(props: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) element.showModal();
    if (!props.open && element.open) element.close();
  }, [props.open]);
  return (
    <dialog ref={dialog} class="key-help" aria-labelledby="key-help-title" onClose={props.onClose}>
      <h2 id="key-help-title">受信箱のキー操作</h2>
      <dl>
        {INBOX_KEYS.map((binding) => (
          <div key={binding.command} class="key-row">
            <dt>
              {binding.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 ? ' または ' : ''}
                  <kbd>{KEY_NAMES[key] ?? key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{binding.label}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">閉じる</button>
      </form>
    </dialog>
  );
}
