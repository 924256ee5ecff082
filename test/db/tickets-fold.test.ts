/**
 * The ticket's state is derived from its events in (hlc, replica) order (docs/SYNC.md §2.5), whatever
 * order they arrived in. Events merged from two PCs that do not fit the workflow are kept, skipped
 * and flagged for review. The machines themselves are checked for consistency.
 */
import { describe, expect, it } from 'vitest';
import { foldEvents, type FoldEvent } from '../../db/tickets/derive';
import { MACHINES } from '../../db/tickets/machines/index';
import { stepOf } from '../../db/tickets/steps';
import { STATUSES, TICKET_TYPES, type MachineAction, type Step } from '../../db/tickets/workflow';

type Steps = Readonly<Record<string, Readonly<Partial<Record<MachineAction, Step<string>>>>>>;

const TARGETS = { respondMinutes: 15, resolveMinutes: 1440, counts: 'working' } as const;
let n = 0;
function event(action: string, minute: number, replica: string, data: Record<string, unknown> = {}): FoldEvent {
  n += 1;
  const millis = Date.parse('2026-11-23T01:00:00Z') + minute * 60_000;
  return { id: `e${n}`, action, at: millis, hlc: `${millis.toString(16).padStart(12, '0')}-0000-${replica}`, data };
}

describe('the fold over a ticket’s events', () => {
  it('orders by HLC stamp, so the arrival order does not matter', () => {
    const events = [
      event('create', 0, 'pc1'),
      event('assign', 5, 'pc1', { assigneeId: 'a' }),
      event('start_investigation', 10, 'pc2'),
      event('wait_customer', 20, 'pc2'),
    ];
    const inOrder = foldEvents(MACHINES.complaint, events, null, TARGETS);
    const shuffled = foldEvents(MACHINES.complaint, [events[3]!, events[1]!, events[0]!, events[2]!], null, TARGETS);
    expect(shuffled).toEqual(inOrder);
    expect(inOrder).toMatchObject({
      status: 'investigating',
      assigneeId: 'a',
      pausedFor: 'customer',
      flagged: [],
      respondedAt: events[1]!.at,
    });
  });

  it('breaks a tie of the same millisecond by replica id', () => {
    const create = event('create', 0, 'pc1');
    // Two PCs assign at the same moment: the stamp of pc2 sorts after pc1's, so pc2's assignment holds.
    const byPc1 = event('assign', 3, 'pc1', { assigneeId: 'from-pc1' });
    const byPc2 = { ...event('reassign', 3, 'pc2', { assigneeId: 'from-pc2' }) };
    const folded = foldEvents(MACHINES.complaint, [byPc2, create, byPc1], null, TARGETS);
    expect(folded).toMatchObject({ status: 'assigned', assigneeId: 'from-pc2', flagged: [] });
  });

  it('keeps but flags events that do not fit: a step after the ticket was archived, a second create', () => {
    const create = event('create', 0, 'pc1');
    const steps = [
      event('assign', 1, 'pc1', { assigneeId: 'a' }),
      event('start_investigation', 2, 'pc1'),
      event('propose_solution', 3, 'pc1'),
      event('inform_customer', 4, 'pc1', { followUpDue: '2026-11-26' }),
      event('follow_up_satisfied', 5, 'pc1'),
      event('archive', 6, 'pc1'),
    ];
    // Offline at the same time, another PC still thought the ticket was open and reassigned it.
    const late = event('reassign', 7, 'pc2', { assigneeId: 'b' });
    const again = event('create', 8, 'pc2');
    const folded = foldEvents(MACHINES.complaint, [create, ...steps, late, again], null, TARGETS);
    expect(folded).toMatchObject({
      status: 'archived',
      assigneeId: 'a',
      flagged: [late.id, again.id],
      followUpDue: null,
    });
  });

  it('takes the SLA targets of the create event and of later priority changes', () => {
    const folded = foldEvents(
      MACHINES.repair,
      [
        event('create', 0, 'pc1', { sla: { respondMinutes: 10, resolveMinutes: 720 } }),
        event('set_priority', 1, 'pc1', { sla: { respondMinutes: 5, resolveMinutes: 180 } }),
      ],
      'on_site',
      TARGETS,
    );
    // Events recorded before standards had a clock kind counted working hours.
    expect(folded.targets).toEqual({ respondMinutes: 5, resolveMinutes: 180, counts: 'working' });
  });
});

describe('the workflow machines', () => {
  it('name only their own states, from every state of their type', () => {
    for (const type of TICKET_TYPES) {
      const machine = MACHINES[type];
      const states: ReadonlyArray<string> = STATUSES[type];
      expect(Object.keys(machine.steps).sort()).toEqual([...states].sort());
      for (const [from, steps] of Object.entries(machine.steps as Steps)) {
        for (const [action, step] of Object.entries(steps) as Array<[string, Step<string>]>) {
          expect(step.to === 'same' || states.includes(step.to), `${type}: ${from} --${action}--> ${step.to}`).toBe(
            true,
          );
          expect(step.roles.length, `${type}: ${from} --${action}`).toBeGreaterThan(0);
        }
      }
      for (const final of machine.final)
        expect(Object.keys(machine.steps[final as never]), `${type}: ${final} is final`).toEqual([]);
    }
  });

  it('reach a final state from every state', () => {
    for (const type of TICKET_TYPES) {
      const machine = MACHINES[type];
      const reachesEnd = new Set<string>(machine.final);
      for (let changed = true; changed;) {
        changed = false;
        for (const [from, steps] of Object.entries(machine.steps as Steps)) {
          if (reachesEnd.has(from)) continue;
          if ((Object.values(steps) as Array<Step<string>>).some((s) => s.to !== 'same' && reachesEnd.has(s.to))) {
            reachesEnd.add(from);
            changed = true;
          }
        }
      }
      expect([...reachesEnd].sort(), type).toEqual([...STATUSES[type]].sort());
    }
  });

  it('let every state that pauses also resume', () => {
    for (const type of TICKET_TYPES) {
      for (const status of STATUSES[type]) {
        const machine = MACHINES[type];
        if (stepOf(machine, status, 'wait_customer') || stepOf(machine, status, 'wait_parts'))
          expect(stepOf(machine, status, 'resume'), `${type} ${status}`).toBeDefined();
      }
    }
  });
});
