/**
 * A ticket's intake form travels in sync key by key (db/tickets/form-sync.ts, db/sync/composite.ts):
 * a correction logs only the keys it changed, each stamped; two corrections of different details
 * merge without losing either, in any order; a pulled record rewrites the `form` column from the
 * merged keys; the summary, channel and category always follow the merged form; and a change in
 * the old shape (the whole form as one field) still applies, setting every key it holds.
 */
import { describe, expect, it } from 'vitest';
import { applyRecords, readLocalState } from '../../db/sync/apply';
import { formatHlc } from '../../db/sync/hlc';
import { EMPTY_STATE, mergeStates, stateOfChange } from '../../db/sync/merge';
import type { FeedRecord, RecordState } from '../../db/sync/protocol';
import { syncedEntities } from '../../db/synced-entities';
import { changeLog, readTable } from '../support/inspect';
import { openTestDesk, setUpStore } from '../support/temp-store';

const policy = syncedEntities.ruleFor('ticket')!.policy;
const OTHER_PC = 'b'.repeat(32);
const stamp = (millis: number, node = OTHER_PC) => formatHlc({ millis, counter: 0, node });

const complaint = {
  type: 'complaint' as const,
  channel: 'in_store' as const,
  category: 'delivery' as const,
  whatHappened: '送货延误',
  customerWants: '尽快送达',
};

async function ticketDesk() {
  const t = await openTestDesk();
  await setUpStore(t);
  const customer = await t.ok('customers.create', { name: '陈女士', phones: [{ number: '13800138000' }] });
  const intake = { ...complaint, customerId: customer.id };
  const ticket = await t.ok('tickets.create', intake);
  const store = t.desk.store!;
  const row = () =>
    readTable<{ form: string; summary: string; channel: string; category: string }>(
      t.file,
      'SELECT form, summary, channel, category FROM ticket WHERE id = ?',
      ticket.id,
    )[0]!;
  /** What a pull does with one record from head office. */
  const pull = (state: RecordState) => {
    const record: FeedRecord = { serverSeq: 1, txId: 'remote-tx', entity: 'ticket', entityId: ticket.id, state };
    return store.sqlite.transaction(() =>
      applyRecords(store.statements, [record], {
        rules: syncedEntities,
        hlc: store.hlc,
        serverTimeMs: Date.now(),
        nowIso: new Date().toISOString(),
      }),
    )();
  };
  const localState = () => readLocalState(store.statements, syncedEntities, 'ticket', ticket.id)!;
  return { t, ticket, intake, row, pull, localState };
}

describe('a ticket’s intake form in sync', () => {
  it('logs a correction as the changed keys of the form, each stamped, and never the whole form', async () => {
    const { t, ticket, intake } = await ticketDesk();
    const inserted = changeLog(t.file).find((c) => c.entity === 'ticket' && c.op === 'insert')!;
    expect(inserted.fields).toMatchObject({
      'form.channel': 'in_store',
      'form.whatHappened': '送货延误',
      'form.serious': false,
      summary: '送货延误',
    });
    expect(inserted.fields).not.toHaveProperty('form');
    await t.ok('tickets.update', {
      id: ticket.id,
      version: ticket.version,
      intake: { ...intake, customerWants: '退货' },
    });
    const corrected = changeLog(t.file).filter((c) => c.entity === 'ticket' && c.op === 'update');
    expect(Object.keys(corrected[0]!.fields).sort()).toEqual(['form.customerWants', 'updatedAt']);
    const clocks = readTable<{ field: string }>(
      t.file,
      "SELECT field FROM row_clock WHERE entity = 'ticket' AND field LIKE 'form.%' ORDER BY field",
    );
    expect(clocks.map((c) => c.field)).toContain('form.customerWants');
  });

  it('merges corrections of different details key by key, in either order, with the copies following the form', () => {
    const insert = stateOfChange(
      'insert',
      {
        type: 'complaint',
        channel: 'in_store',
        category: 'delivery',
        summary: '送货延误',
        form: JSON.stringify({
          channel: 'in_store',
          category: 'delivery',
          whatHappened: '送货延误',
          customerWants: '尽快送达',
        }),
      },
      stamp(1000),
    );
    const a = stateOfChange(
      'update',
      { 'form.whatHappened': '送货延误三天，\n司机态度差', summary: '送货延误三天， 司机态度差' },
      stamp(2000, 'a'.repeat(32)),
    );
    const b = stateOfChange('update', { 'form.channel': 'phone', channel: 'phone' }, stamp(3000));
    const ab = [insert, a, b].reduce((s, c) => mergeStates(policy, s, c), EMPTY_STATE);
    const ba = [b, a, insert].reduce((s, c) => mergeStates(policy, s, c), EMPTY_STATE);
    expect(ba).toEqual(ab);
    expect(ab.fields).toMatchObject({
      'form.whatHappened': '送货延误三天，\n司机态度差',
      'form.channel': 'phone',
      'form.customerWants': '尽快送达',
      summary: '送货延误三天， 司机态度差',
      channel: 'phone',
      category: 'delivery',
    });
    expect(ab.fields).not.toHaveProperty('form');
    // Each copy carries the stamp of the key it copies.
    expect(ab.clocks.summary).toBe(ab.clocks['form.whatHappened']);
    expect(ab.clocks.channel).toBe(stamp(3000));

    // A correction that left the summary line as it was (only spacing) still moves the summary with its key.
    const spacing = stateOfChange('update', { 'form.whatHappened': '送货延误三天，  司机态度差' }, stamp(4000));
    const late = stateOfChange(
      'update',
      { 'form.whatHappened': '另一说法', summary: '另一说法' },
      stamp(2500, 'c'.repeat(32)),
    );
    const merged = [ab, late, spacing].reduce((s, c) => mergeStates(policy, s, c), EMPTY_STATE);
    expect(merged.fields).toMatchObject({
      'form.whatHappened': '送货延误三天，  司机态度差',
      summary: '送货延误三天， 司机态度差',
    });
  });

  it('treats a change that carries the whole form (an older PC) as setting every key it holds at its stamp', () => {
    const insert = stateOfChange(
      'insert',
      {
        type: 'complaint',
        channel: 'in_store',
        summary: 'x',
        'form.channel': 'in_store',
        'form.whatHappened': 'x',
        'form.customerWants': 'y',
      },
      stamp(1000),
    );
    const newer = stateOfChange('update', { 'form.customerWants': '退款' }, stamp(3000));
    const old = stateOfChange(
      'update',
      { form: JSON.stringify({ channel: 'email', whatHappened: '旧版本改的', customerWants: 'y' }), channel: 'email' },
      stamp(2000, 'a'.repeat(32)),
    );
    const merged = [insert, old, newer].reduce((s, c) => mergeStates(policy, s, c), EMPTY_STATE);
    expect(merged).toEqual([newer, insert, old].reduce((s, c) => mergeStates(policy, s, c), EMPTY_STATE));
    expect(merged.fields).toMatchObject({
      'form.channel': 'email',
      'form.whatHappened': '旧版本改的',
      'form.customerWants': '退款',
      summary: '旧版本改的',
      channel: 'email',
    });
    expect(merged.clocks['form.whatHappened']).toBe(stamp(2000, 'a'.repeat(32)));
    expect(mergeStates(policy, merged, merged)).toEqual(merged);
  });

  it('rewrites the form column from the merged keys when a pull brings another PC’s correction, keeping this PC’s own', async () => {
    const { t, ticket, intake, row, pull, localState } = await ticketDesk();
    const atHeadOffice = localState();
    expect(Object.keys(atHeadOffice.fields).filter((f) => f.startsWith('form'))).toEqual(
      expect.arrayContaining(['form.whatHappened', 'form.channel']),
    );
    expect(atHeadOffice.fields).not.toHaveProperty('form');
    // This PC changes the channel (not pushed yet); another PC corrected what happened, later.
    await t.ok('tickets.update', { id: ticket.id, version: ticket.version, intake: { ...intake, channel: 'phone' } });
    const remote = mergeStates(
      policy,
      atHeadOffice,
      stateOfChange(
        'update',
        { 'form.whatHappened': '送货延误三天', summary: '送货延误三天', updatedAt: new Date().toISOString() },
        stamp(Date.now() + 1000),
      ),
    );
    const outcome = pull(remote);
    expect(outcome).toMatchObject({ applied: 1, keptAside: 0 });
    expect(JSON.parse(row().form)).toEqual({
      channel: 'phone',
      category: 'delivery',
      whatHappened: '送货延误三天',
      customerWants: '尽快送达',
      serious: false,
      about: 'none',
    });
    expect(row()).toMatchObject({ summary: '送货延误三天', channel: 'phone', category: 'delivery' });
    expect(readTable(t.file, 'SELECT count(*) AS n FROM pending_unknown')).toEqual([{ n: 0 }]);
    // The same record again changes nothing: the PC's state reads back as it was merged.
    expect(pull(remote)).toMatchObject({ applied: 0, unchanged: 1 });
    const detail = await t.ok('tickets.get', { id: ticket.id });
    expect(detail).toMatchObject({ summary: '送货延误三天', channel: 'phone' });
  });

  it('applies a pulled record in the old shape (the whole form as one field)', async () => {
    const { row, pull, localState } = await ticketDesk();
    const before = localState();
    const at = stamp(Date.now() + 1000);
    const fields = {
      ...Object.fromEntries(Object.entries(before.fields).filter(([f]) => !f.startsWith('form.'))),
      form: JSON.stringify({
        channel: 'online',
        category: 'other',
        whatHappened: '旧版本：包装破损',
        customerWants: '换货',
        serious: false,
      }),
    };
    const old: RecordState = {
      fields,
      clocks: Object.fromEntries(Object.keys(fields).map((f) => [f, at])),
      deleted: null,
    };
    expect(pull(old)).toMatchObject({ applied: 1, keptAside: 0 });
    expect(JSON.parse(row().form)).toEqual({
      channel: 'online',
      category: 'other',
      whatHappened: '旧版本：包装破损',
      customerWants: '换货',
      serious: false,
      // Kept: the old PC's form has no such key, so this PC's stamped value stands.
      about: 'none',
    });
    expect(row()).toMatchObject({ summary: '旧版本：包装破损', channel: 'online', category: 'other' });
    expect(localState().clocks['form.whatHappened']).toBe(at);
    expect(localState().fields).not.toHaveProperty('form');
  });
});
