/** A hash router of three pages is small enough to write: `#/counter`, `#/staff`, `#/settings`. */
import { useSyncExternalStore } from 'react';

export const PAGES = [
  'counter',
  'today',
  'my-jobs',
  'tickets',
  'repairs',
  'followups',
  'import',
  'parts',
  'staff',
  'settings',
  'printing',
  'service',
  'sync',
  'backups',
] as const;
export type Page = (typeof PAGES)[number];

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

/** The page named by the hash, or null when the hash names none. */
export function useHashPage(): Page | null {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return PAGES.find((page) => page === name) ?? null;
}

export function pageHref(page: Page): string {
  return `#/${page}`;
}
