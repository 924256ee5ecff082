/**
 * Where the parts page is: the tab and the document open in it (`#/parts/<tab>/<id>`), in the
 * address so a link or a reload lands on it. The tabs link to each other through `partsHref`, so it
 * lives here rather than in the page that renders them.
 */
import { useSyncExternalStore } from 'react';

export const TABS = ['stock', 'requisitions', 'purchasing', 'receiving', 'stocktake', 'reports'] as const;
export type Tab = (typeof TABS)[number];

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** `#/parts/<tab>/<id>`: the tab and the document open in it. */
export function usePartsRoute(): { tab: Tab | null; id: string | null } {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const [, tab, id] = hash.replace(/^#\/?/, '').split('/');
  return { tab: TABS.find((t) => t === tab) ?? null, id: id ? decodeURIComponent(id) : null };
}

export function partsHref(tab: Tab, id?: string): string {
  return `#/parts/${tab}${id ? `/${encodeURIComponent(id)}` : ''}`;
}
