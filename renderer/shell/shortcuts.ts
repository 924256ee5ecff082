/**
 * The counter's keyboard shortcuts: Ctrl+K search, Alt+N new customer, Alt+T new ticket for the
 * open customer. Each has a modifier, so typing in a field never fires one by accident; none
 * fires while an IME is composing (Chinese input) or while a dialog or drawer is open, where it
 * would leave a half-filled form behind. Ctrl+N and Ctrl+T belong to the browser and are not used.
 */
import { useEffect, useRef } from 'react';

export type Shortcut = 'search' | 'newCustomer' | 'newTicket';

/** What the tooltip says (the same on every keyboard layout and in both languages). */
export const SHORTCUT_KEYS: Readonly<Record<Shortcut, string>> = {
  search: 'Ctrl+K',
  newCustomer: 'Alt+N',
  newTicket: 'Alt+T',
};

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'isComposing'>;

export function shortcutOf(event: KeyEventLike): Shortcut | null {
  if (event.isComposing || event.shiftKey) return null;
  // `code` names the key whatever the layout or IME; Alt+letter gives odd `key`s on macOS.
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyK') return 'search';
  if (event.altKey && !event.ctrlKey && !event.metaKey) {
    if (event.code === 'KeyN') return 'newCustomer';
    if (event.code === 'KeyT') return 'newTicket';
  }
  return null;
}

function overlayOpen(): boolean {
  return document.querySelector('.ant-modal-wrap:not([style*="display: none"]), .ant-drawer-open') !== null;
}

/** Runs `action` on its shortcut while the calling component is on screen. */
export function useShortcut(shortcut: Shortcut, action: (() => void) | null): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (shortcutOf(event) !== shortcut || latest.current === null || overlayOpen()) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcut]);
}
