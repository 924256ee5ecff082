/**
 * Head office reads a ticket's status from its events without the counter's machines; these hold
 * its copies of the machines' words to the machines themselves, and pin the month and turnaround rules.
 */
import { describe, expect, it } from 'vitest';
import { MACHINES } from '../../../db/tickets/machines/index';
import { TICKET_TYPES as COUNTER_TYPES } from '../../../db/tickets/workflow';
import {
  contributionOf,
  emptyFacts,
  reportMonth,
  RESOLVED_STATUSES,
  TICKET_TYPES,
  withEvent,
  withHeader,
} from '../../../headoffice/reports/ticket-facts';

describe('ticket facts', () => {
  it('know the same types and the same done statuses as the workflows, with no status done in one and not another', () => {
    expect([...TICKET_TYPES]).toEqual([...COUNTER_TYPES]);
    const machines = Object.values(MACHINES);
    expect([...RESOLVED_STATUSES].sort()).toEqual([...new Set(machines.flatMap((m) => [...m.resolved]))].sort());
    for (const machine of machines)
      for (const status of Object.keys(machine.steps))
        expect(RESOLVED_STATUSES.has(status), `${machine.type}.${status}`).toBe(
          (machine.resolved as ReadonlyArray<string>).includes(status),
        );
  });

  it('put a ticket in its month in China and count its turnaround from taking to the last resolution', () => {
    expect(reportMonth(Date.parse('2026-01-31T16:00:00Z'))).toBe('2026-02');
    expect(reportMonth(Date.parse('2026-01-31T15:59:59Z'))).toBe('2026-01');
    let facts = withHeader(emptyFacts('t1'), { type: 'repair', createdAt: '2026-03-01T02:00:00Z' }, false, 's1');
    const event = (hlc: string, at: string, from: string | null, to: string, data = {}) => ({
      action: 'x',
      fromStatus: from,
      toStatus: to,
      at,
      hlc,
      data: JSON.stringify(data),
    });
    facts = withEvent(facts, event('0003', '2026-03-03T02:00:00Z', 'reopened', 'closed'));
    facts = withEvent(facts, event('0001', '2026-03-02T02:00:00Z', 'in_repair', 'follow_up'));
    facts = withEvent(facts, event('0002', '2026-03-02T10:00:00Z', 'follow_up', 'reopened'));
    const c = contributionOf(facts)!;
    expect(c.month).toBe('2026-03');
    expect(c.measures).toMatchObject({
      tickets: 1,
      resolved: 1,
      reopened: 1,
      tatCount: 1,
      tatMinutes: 2 * 24 * 60,
      tat3d: 1,
    });
    expect(
      contributionOf(withHeader(facts, { type: 'repair', createdAt: '2026-03-01T02:00:00Z' }, true, 's1')),
    ).toBeNull();
  });
});
