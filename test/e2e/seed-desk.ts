/**
 * A new store's desk for an end-to-end file to seed before its counter opens: store S012 南京西路店,
 * counter 2, admin 王经理 with PIN 2468 signed in, and `ok`, which answers a method's value or throws
 * with the refusal (seeding that fails is the test's own fault, said at once).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodResult } from '../../db/api';
import { openDesk } from '../../db/desk';
import type { ClientState } from '../../db/desk-types';
import { memoryLogger } from '../support/temp-store';

export type Ok = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodResult<M>>;

export type SeedDesk = Readonly<{ dataDir: string; file: string; ok: Ok; close: () => Promise<void> }>;

/** `name` goes into the temporary folder's name; `now` is the desk's clock while seeding. */
export async function newStoreDesk(name: string, now?: () => number): Promise<SeedDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), `counterdesk-${name}-`));
  const file = join(dataDir, 'counterdesk.sqlite');
  const desk = await openDesk({
    file,
    appVersion: '0.1.0-test',
    host: 'browser',
    forcedLanguage: null,
    logger: memoryLogger(),
    ...(now ? { now } : {}),
  });
  const admin: ClientState = { sessionId: null };
  const ok: Ok = async (method, input) => {
    const result = await desk.dispatch(admin, method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value as MethodResult<typeof method>;
  };
  await ok('setup.createStore', {
    storeCode: 'S012',
    storeName: '南京西路店',
    counterNo: 2,
    adminName: '王经理',
    adminPin: '2468',
  });
  return { dataDir, file, ok, close: () => desk.close() };
}
