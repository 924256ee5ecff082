/**
 * Where the tickets page is: the queues (`#/tickets`, or one queue: `#/tickets/queue/<queue>`), a new ticket (`#/tickets/new`, optionally
 * `#/tickets/new/<customerId>` from the counter), the breach report (`#/tickets/reports`) or one
 * ticket (`#/tickets/<id>`).
 */
import { useSyncExternalStore } from 'react';
import { TICKET_QUEUES, type TicketQueue } from '../../../db/api';

export type TicketRoute =
  | { view: 'queue'; queue: TicketQueue | null }
  | { view: 'reports' }
  | { view: 'new'; customerId: string | null }
  | { view: 'ticket'; id: string };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseTicketRoute(hash: string): TicketRoute {
  const [, second, third] = hash.replace(/^#\/?/, '').split('/');
  if (second === 'reports') return { view: 'reports' };
  if (second === 'new') return { view: 'new', customerId: third && UUID.test(third) ? third : null };
  if (second && UUID.test(second)) return { view: 'ticket', id: second };
  if (second === 'queue') return { view: 'queue', queue: TICKET_QUEUES.find((q) => q === third) ?? null };
  return { view: 'queue', queue: null };
}

export function useTicketRoute(): TicketRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseTicketRoute(hash);
}

export const ticketHref = (id: string): string => `#/tickets/${id}`;
export const newTicketHref = (customerId?: string): string =>
  customerId ? `#/tickets/new/${customerId}` : '#/tickets/new';
export const queueHref = '#/tickets';
/** One queue opened: `#/tickets/queue/breached` (the manager's figures link here). */
export const queueHrefFor = (queue: TicketQueue): string => `#/tickets/queue/${queue}`;
export const reportsHref = '#/tickets/reports';

export function go(href: string): void {
  window.location.hash = href;
}
