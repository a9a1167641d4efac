import { describe, expect, it } from 'vitest';
import { INBOX_KEYS, inboxCommandFor, isSavePress, isTypingTarget, moveDeltaFor } from './keys.js';

const press = (
  key: string,
  modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {},
) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});

describe('inboxCommandFor', () => {
  it('maps the inbox keys to their commands', () => {
    expect(
      ['j', 'k', 'a', 'e', 't', 'x', '?', 'ArrowDown', 'ArrowUp'].map((key) =>
        inboxCommandFor(press(key)),
      ),
    ).toEqual(['next', 'previous', 'accept', 'edit', 'retag', 'drop', 'help', 'next', 'previous']);
  });

  it('leaves other keys, and any key with Ctrl, Alt or Meta, to the browser', () => {
    expect(inboxCommandFor(press('q'))).toBeNull();
    expect(inboxCommandFor(press('J'))).toBeNull();
    expect(inboxCommandFor(press('a', { ctrlKey: true }))).toBeNull();
    expect(inboxCommandFor(press('x', { metaKey: true }))).toBeNull();
    expect(inboxCommandFor(press('j', { altKey: true }))).toBeNull();
  });

  it('lists every command once in the ? help, each with a key', () => {
    const commands = INBOX_KEYS.map((binding) => binding.command);
    expect(new Set(commands).size).toBe(commands.length);
    for (const binding of INBOX_KEYS)
      expect(inboxCommandFor(press(binding.keys[0] ?? ''))).toBe(binding.command);
  });
});

describe('moveDeltaFor', () => {
  it('moves with Alt+↑ and Alt+↓ only', () => {
    expect(moveDeltaFor(press('ArrowUp', { altKey: true }))).toBe(-1);
    expect(moveDeltaFor(press('ArrowDown', { altKey: true }))).toBe(1);
    expect(moveDeltaFor(press('ArrowDown'))).toBeNull();
    expect(moveDeltaFor(press('ArrowDown', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(moveDeltaFor(press('j', { altKey: true }))).toBeNull();
  });
});

describe('isSavePress', () => {
  it('is Ctrl+Enter or ⌘+Enter', () => {
    expect(isSavePress(press('Enter', { ctrlKey: true }))).toBe(true);
    expect(isSavePress(press('Enter', { metaKey: true }))).toBe(true);
    expect(isSavePress(press('Enter'))).toBe(false);
    expect(isSavePress(press('s', { ctrlKey: true }))).toBe(false);
  });
});

describe('isTypingTarget', () => {
  it('is true in text fields and editable content, false elsewhere', () => {
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'LI' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
