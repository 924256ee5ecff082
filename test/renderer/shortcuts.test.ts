/** The counter's shortcuts: which keys are which, and what never fires one. */
import { describe, expect, it } from 'vitest';
import { shortcutOf } from '../../renderer/shell/shortcuts';

const key = (
  code: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'isComposing', boolean>> = {},
) => ({
  key: code.replace('Key', '').toLowerCase(),
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  isComposing: false,
  ...mods,
});

describe('shortcuts', () => {
  it('Ctrl+K (⌘K) searches, Alt+N makes a customer, Alt+T a ticket', () => {
    expect(shortcutOf(key('KeyK', { ctrlKey: true }))).toBe('search');
    expect(shortcutOf(key('KeyK', { metaKey: true }))).toBe('search');
    expect(shortcutOf(key('KeyN', { altKey: true }))).toBe('newCustomer');
    expect(shortcutOf(key('KeyT', { altKey: true }))).toBe('newTicket');
  });

  it('plain typing, the browser’s own keys and an IME composing fire nothing', () => {
    for (const code of ['KeyK', 'KeyN', 'KeyT']) expect(shortcutOf(key(code))).toBeNull();
    expect(shortcutOf(key('KeyN', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyT', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyK', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyK', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyN', { altKey: true, isComposing: true }))).toBeNull();
  });
});
