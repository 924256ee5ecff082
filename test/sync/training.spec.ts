/**
 * Training and assessment across PCs (docs/architecture/training-and-assessment.md): a period and a
 * technician's self-assessment made on one PC of a store, the supervisor's rating on the other, both
 * fields standing on both PCs after sync; another store receives none of it (store-scoped).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientState } from '../../db/desk-types';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';

let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;
let other: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S031');
  await hq.addStore('S032');
  a = await openCounter(hq, { storeCode: 'S031', counterNo: 1 });
  b = await openCounter(hq, { storeCode: 'S031', counterNo: 2 });
  other = await openCounter(hq, { storeCode: 'S032', counterNo: 1 });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await other?.close();
  await hq?.close();
});

describe('training records between PCs', () => {
  it('keeps the self-assessment from one PC and the rating from the other', async () => {
    const technician = await a.ok('staff.create', { name: '陈师傅', role: 'technician', pin: '4444' });
    const { id: periodId } = await a.ok('training.savePeriod', {
      name: '2026 年 11 月',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      weightSelf: 30,
      weightSupervisor: 70,
      weightCustomers: 0,
    });
    const { id: sessionId } = await a.ok('training.saveSession', {
      topic: '安全操作',
      kind: 'internal',
      startsOn: '2026-11-20',
      endsOn: '2026-11-20',
      hours: 2,
      audience: 'repair',
    });
    const tech: ClientState = { sessionId: null };
    await a.ok('session.signIn', { staffId: technician.id, pin: '4444' }, tech);
    await a.ok('training.selfAssess', { periodId, score: 80 }, tech);
    await a.sync();
    await b.sync();
    // On the other PC the store's admin rates the technician, whom that PC learnt from the sync.
    await b.ok('training.rate', { periodId, staffId: technician.id, score: 90 });
    await b.ok('training.recordAttendance', {
      sessionId,
      rows: [{ staffId: technician.id, status: 'attended', passed: true }],
    });
    await b.sync();
    await a.sync();
    for (const counter of [a, b]) {
      const row = (await counter.ok('training.period', { periodId })).rows.find((r) => r.staffId === technician.id);
      // 0.3·80 + 0.7·90 = 87.00
      expect(row).toMatchObject({ selfScore: 80, supervisorScore: 90, totalX100: 8700 });
      const plan = await counter.ok('training.plan', { year: 2026 });
      expect(plan.sessions[0]!.attendees).toEqual([expect.objectContaining({ status: 'attended', passed: true })]);
    }
    await other.sync();
    for (const table of ['assessment_period', 'assessment_entry', 'training_session', 'training_attendance'])
      expect(readTable(other.file, `SELECT count(*) AS n FROM ${table}`)).toEqual([{ n: 0 }]);
    await expectInvariants(hq, [a, b]);
  });
});
