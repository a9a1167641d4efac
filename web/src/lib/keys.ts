/** The parts of a keyboard event the key maps look at. */
export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** What a key does in the inbox. */
export type InboxCommand = 'next' | 'previous' | 'accept' | 'edit' | 'retag' | 'drop' | 'help';

/** The inbox's keys, in the order the `?` list shows them. */
export const INBOX_KEYS: readonly {
  keys: readonly string[];
  command: InboxCommand;
  label: string;
}[] = [
  { keys: ['j', 'ArrowDown'], command: 'next', label: '次のエントリー' },
  { keys: ['k', 'ArrowUp'], command: 'previous', label: '前のエントリー' },
  { keys: ['a'], command: 'accept', label: '提案されたタグと要約行を採用' },
  { keys: ['e'], command: 'edit', label: '要約行を編集（Ctrl+Enterで保存、Escで取消）' },
  { keys: ['t'], command: 'retag', label: 'タグ変更：要約行のタグを付け替える' },
  { keys: ['x'], command: 'drop', label: 'エントリーを削除（確認あり）' },
  { keys: ['?'], command: 'help', label: 'この一覧を表示・非表示' },
];

/**
 * The inbox command a key press means, or null. Presses with Ctrl, Alt or Meta are the
 * browser's and the system's, never the inbox's.
 *
 * @example
 *   inboxCommandFor({ key: 'j', altKey: false, ctrlKey: false, metaKey: false }); // 'next'
 *   inboxCommandFor({ key: 'a', altKey: false, ctrlKey: true, metaKey: false }); // null
 */
export function inboxCommandFor(press: KeyPress): InboxCommand | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  return INBOX_KEYS.find((binding) => binding.keys.includes(press.key))?.command ?? null;
}

/**
 * Alt+↑ / Alt+↓ move a digest entry up or down: -1, 1, or null for any other press.
 *
 * @example
 *   moveDeltaFor({ key: 'ArrowUp', altKey: true, ctrlKey: false, metaKey: false }); // -1
 */
export function moveDeltaFor(press: KeyPress): -1 | 1 | null {
  if (!press.altKey || press.ctrlKey || press.metaKey) return null;
  if (press.key === 'ArrowUp') return -1;
  if (press.key === 'ArrowDown') return 1;
  return null;
}

/**
 * Ctrl+Enter (⌘+Enter on a Mac) saves an editor.
 *
 * @example
 *   isSavePress({ key: 'Enter', altKey: false, ctrlKey: true, metaKey: false }); // true
 */
export function isSavePress(press: KeyPress): boolean {
  return press.key === 'Enter' && (press.ctrlKey || press.metaKey) && !press.altKey;
}

/** The parts of an event target that tell whether keys typed there are text. */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'radio',
  'submit',
  'reset',
  'range',
  'color',
  'file',
]);

/**
 * Whether keys pressed on this target are being typed into a field (so single-letter
 * shortcuts must leave them alone).
 *
 * @example
 *   isTypingTarget({ tagName: 'TEXTAREA' }); // true
 *   isTypingTarget({ tagName: 'INPUT', type: 'checkbox' }); // false
 */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
  return false;
}
