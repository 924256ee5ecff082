/**
 * How a ticket's intake form travels in sync (docs/SYNC.md §2.5, header fields merge per field): key by
 * key (`form.fault`, `form.channel` …), so two PCs correcting different details of one ticket both
 * keep their correction. The copies on the ticket row (summary line, channel, category) are
 * recomputed from the merged form with the stamp of the key they copy, so on every replica and at
 * head office they always say what the form says. Pure data and functions: db/tickets/sync-entities.ts uses it, so head office merges tickets the same way.
 */
import type { CompositeColumn } from '../sync/composite';
import type { DerivedField } from '../sync/merge';

/** The intake field each ticket type's summary line is taken from. */
export const SUMMARY_KEY = {
  consultation: 'question',
  complaint: 'whatHappened',
  aftersales: 'fault',
  repair: 'fault',
  feedback: 'content',
} as const;

/** The line lists show: the field's text on one line, at most 80 characters. */
export function summaryLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

export const TICKET_FORM: CompositeColumn = { column: 'form', prefix: 'form.' };

/** The row's copies of form keys, for a merged ticket state (none until the state knows its type). */
export function ticketCopies(fields: Readonly<Record<string, unknown>>): DerivedField[] {
  const type = fields.type;
  if (typeof type !== 'string' || !Object.hasOwn(SUMMARY_KEY, type)) return [];
  const key = (name: string) => `${TICKET_FORM.prefix}${name}`;
  const line = key(SUMMARY_KEY[type as keyof typeof SUMMARY_KEY]);
  const copies: DerivedField[] = [
    { field: 'summary', value: summaryLine(typeof fields[line] === 'string' ? fields[line] : ''), from: line },
  ];
  if (type !== 'repair') copies.push({ field: 'channel', value: fields[key('channel')] ?? null, from: key('channel') });
  if (type === 'complaint' || type === 'feedback')
    copies.push({ field: 'category', value: fields[key('category')] ?? null, from: key('category') });
  return copies;
}
