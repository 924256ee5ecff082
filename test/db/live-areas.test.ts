/**
 * What a pull tells the open pages (docs/architecture/live-refresh.md): every synced entity names
 * the areas whose pages show it, the announcer coalesces a long sync's chunks into a few events,
 * and the desk marks sync's events so they are not mistaken for this PC's own work.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DESK_EVENTS, type DeskEvent } from '../../db/contract';
import { eventsOfEntity } from '../../db/desk';
import type { EventOrigin } from '../../db/desk-types';
import { Announcer, ANNOUNCE_GAP_MS } from '../../db/sync/announcer';
import type { CredentialStore } from '../../db/sync/credentials';
import { startDeskSync } from '../../db/sync/start';
import { AREAS_OF_ENTITY, syncedEntities } from '../../db/synced-entities';
import { memoryLogger, openTestDesk, setUpStore } from '../support/temp-store';

afterEach(() => {
  vi.useRealTimers();
});

describe('the areas of synced entities', () => {
  it('names the areas of every synced entity, and only of synced entities', () => {
    const entities = syncedEntities.entities();
    expect(entities.filter((entity) => !Object.hasOwn(AREAS_OF_ENTITY, entity))).toEqual([]);
    expect(Object.keys(AREAS_OF_ENTITY).filter((entity) => !entities.includes(entity))).toEqual([]);
  });

  it('gives each pulled entity at least one event the desk knows, and head office’s own records none', () => {
    for (const entity of syncedEntities.entities()) {
      const events = eventsOfEntity(entity);
      for (const event of events) expect(DESK_EVENTS).toContain(event);
      if (syncedEntities.ruleFor(entity)!.scope === 'hq_only') expect(events).toEqual([]);
      else expect(events.length, entity).toBeGreaterThan(0);
    }
    expect(eventsOfEntity('requisition')).toEqual(['parts.changed']);
    expect(eventsOfEntity('customer_phone')).toContain('customers.changed');
    // An entity this PC does not know (a newer head office's table) has no page here.
    expect(eventsOfEntity('robot_arm')).toEqual([]);
    expect(eventsOfEntity('__proto__')).toEqual([]);
  });
});

describe('the announcer', () => {
  function recorder() {
    const sent: Array<{ event: DeskEvent; at: number }> = [];
    return {
      sent,
      announcements: {
        eventsOf: eventsOfEntity,
        announce: (event: DeskEvent) => sent.push({ event, at: Date.now() }),
      },
    };
  }

  it('sends a touched area at once, then at most once per gap however many chunks touch it, and the rest at the end', () => {
    vi.useFakeTimers();
    const { sent, announcements } = recorder();
    const announcer = new Announcer(announcements, ANNOUNCE_GAP_MS, () => Date.now());
    // 2,000 chunks of customers over 10 s (a large initial sync), one chunk of parts in the middle.
    for (let chunk = 0; chunk < 2_000; chunk += 1) {
      announcer.entitiesChanged(new Set(['customer', 'customer_phone']));
      if (chunk === 1_000) announcer.entitiesChanged(['requisition', 'requisition_line']);
      vi.advanceTimersByTime(5);
    }
    announcer.flush();
    const customers = sent.filter((s) => s.event === 'customers.changed');
    expect(customers.length).toBeGreaterThanOrEqual(10_000 / ANNOUNCE_GAP_MS);
    expect(customers.length).toBeLessThanOrEqual(10_000 / ANNOUNCE_GAP_MS + 2);
    for (let i = 1; i < customers.length; i += 1)
      expect(customers[i]!.at - customers[i - 1]!.at).toBeGreaterThanOrEqual(ANNOUNCE_GAP_MS);
    expect(sent.filter((s) => s.event === 'parts.changed')).toHaveLength(1);
    expect(new Set(sent.map((s) => s.event))).toEqual(
      new Set(['customers.changed', 'tickets.changed', 'parts.changed']),
    );
    // The final state is announced when the sync ends, not a gap later.
    expect(sent.at(-1)!.at).toBe(Date.now());
  });

  it('sends nothing after being dropped (the engine stopped)', () => {
    vi.useFakeTimers();
    const { sent, announcements } = recorder();
    const announcer = new Announcer(announcements, ANNOUNCE_GAP_MS, () => Date.now());
    announcer.changed(['sync.changed']);
    announcer.changed(['sync.changed']);
    announcer.drop();
    vi.advanceTimersByTime(10 * ANNOUNCE_GAP_MS);
    expect(sent.map((s) => s.event)).toEqual(['sync.changed']);
  });
});

describe('events from sync on the desk', () => {
  it('reach listeners marked as sync’s, and do not ask sync to push', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const heard: Array<[DeskEvent, EventOrigin]> = [];
    t.desk.onEvent((event, origin) => heard.push([event, origin]));
    const credentials: CredentialStore = {
      description: 'nowhere',
      protection: { kind: 'user_file', file: 'nowhere', why: 'browser_host' },
      load: () => null,
      save: () => {},
      clear: () => {},
    };
    const sync = await startDeskSync({ desk: t.desk, credentials, appVersion: 'test', logger: memoryLogger() });
    const localWrite = vi.spyOn(sync.engine!, 'localWrite');

    t.desk.sync!.announcements.announce('parts.changed');
    expect(heard).toContainEqual(['parts.changed', 'sync']);
    expect(localWrite).not.toHaveBeenCalled();

    await t.ok('customers.create', { name: '李四', phones: [{ number: '13912345678' }] });
    expect(heard).toContainEqual(['customers.changed', 'call']);
    expect(localWrite).toHaveBeenCalledOnce();
    await sync.stop();
    await t.desk.close();
  });
});
