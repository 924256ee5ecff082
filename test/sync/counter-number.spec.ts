/**
 * Two PCs of one store set up with the same counter number: ticket and requisition numbers carry
 * the counter number, so head office refuses to enroll the second while the first is active, names
 * the PC that holds the number and how to retire it, and leaves the code unused. Once that PC is
 * revoked, its number is free for the new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrollError } from '../../db/sync/enroll';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';

let hq: TestHeadOffice;
let first: TestCounter;
let second: TestCounter;
let other: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S030');
  await hq.addStore('S031');
  first = await openCounter(hq, { storeCode: 'S030', counterNo: 1 });
  second = await openCounter(hq, { storeCode: 'S030', counterNo: 1, enroll: false });
  other = await openCounter(hq, { storeCode: 'S031', counterNo: 1, enroll: false });
  await first.sync();
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await other?.close();
  await hq?.close();
});

describe('one counter number per active PC of a store', () => {
  it('refuses a second PC with a number its store already has, naming the PC that holds it; the code stays usable', async () => {
    const holder = first.engine.status().deviceId!;
    const code = await hq.issueCode('S030');
    const refused = await enrollWith(second, code).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EnrollError);
    const failure = refused as EnrollError;
    expect(failure.code).toBe('counter_taken');
    expect(failure.params).toMatchObject({ counterNo: '1', holderId: holder.slice(0, 8) });
    expect(Number.isNaN(Date.parse(failure.params.enrolledAt!))).toBe(false);
    expect(Number.isNaN(Date.parse(failure.params.lastSync!))).toBe(false);
    expect(failure.message).toContain(`revoke ${holder}`);
    expect(second.credentials.load()).toBeNull();
    const devices = await hq.db.selectFrom('device').select(['id', 'counterNo', 'status']).execute();
    expect(devices).toEqual([{ id: holder, counterNo: 1, status: 'active' }]);
    // Nothing was used up: the same code enrolls once the number is free (below).
    await hq.revoke(holder);
    await enrollWith(second, code);
    expect(second.credentials.load()?.deviceId).not.toBe(holder);
    await second.sync();
  });

  it('the same number in another store is no clash', async () => {
    await other.enroll();
    await other.sync();
    expect(other.engine.status().enrolled).toBe(true);
  });

  it('the counter page says it in the counter’s language, with the holder filled in', async () => {
    const { syncEn } = await import('../../renderer/i18n/sync.en');
    const { syncZhCN } = await import('../../renderer/i18n/sync.zh-CN');
    for (const text of [syncEn.enroll.errors.counter_taken, syncZhCN.enroll.errors.counter_taken]) {
      for (const param of ['counterNo', 'holderId', 'enrolledAt', 'lastSync']) expect(text).toContain(`{{${param}}}`);
      // Retiring the PC is head office's to do: the counter's text names the PC, not a command to type.
      expect(text).not.toContain('npm run');
    }
  });
});

async function enrollWith(counter: TestCounter, code: string): Promise<void> {
  const { enrollDevice } = await import('../../db/sync/enroll');
  await enrollDevice(
    counter.store,
    counter.credentials,
    {
      serverUrl: hq.url,
      code,
      caCert: hq.caCert,
      deviceName: 'S030 counter 1 (second PC)',
    },
    counter.desk.sync!,
  );
}
