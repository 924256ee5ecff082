/**
 * The counter's page names, which are its hash routes (`#/counter`, `#/tickets/<id>`, …). The
 * routing itself is react-router's hash router (shell.tsx); this module only names the pages, so
 * links from anywhere (`pageHref('sync')`) need not load the router.
 */
export const PAGES = [
  'counter',
  'today',
  'my-jobs',
  'tickets',
  'repairs',
  'followups',
  'takings',
  'import',
  'parts',
  'staff',
  'settings',
  'printing',
  'service',
  'messages',
  'training',
  'sync',
  'backups',
] as const;
export type Page = (typeof PAGES)[number];

/** The page a router path names (`/tickets/<id>` → tickets), or null when it names none. */
export function pageOfPath(pathname: string): Page | null {
  const name = pathname.replace(/^\/+/, '').split('/')[0];
  return PAGES.find((page) => page === name) ?? null;
}

export function pageHref(page: Page): string {
  return `#/${page}`;
}
