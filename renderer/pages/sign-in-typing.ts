/**
 * Type-to-select on the sign-in list: letters typed in quick succession ("w", then "wf") pick the
 * first name whose pinyin initials or whole pinyin start with them, as a Windows list box does.
 * A pause longer than TYPING_PAUSE_MS starts a new word.
 */
import type { SignInName } from '../../db/api';

export const TYPING_PAUSE_MS = 900;

export function matchTyped(names: ReadonlyArray<SignInName>, typed: string): SignInName | undefined {
  const wanted = typed.toLowerCase();
  if (wanted === '') return undefined;
  return (
    names.find((n) => n.initials.startsWith(wanted)) ??
    names.find((n) => n.pinyin.startsWith(wanted)) ??
    names.find((n) => n.name.toLowerCase().startsWith(wanted))
  );
}

/** A letter that adds to the word: plain a–z with no modifier (Ctrl+K and the like are shortcuts). */
export function typedLetter(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return /^[a-z]$/i.test(event.key) ? event.key.toLowerCase() : null;
}
