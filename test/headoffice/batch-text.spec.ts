/**
 * Head office sends a batch's states and ids to PostgreSQL as one text split on control characters
 * (text-list.ts): lists of every shape must arrive element for element, and values holding those characters, quotes and backslashes must come out
 * of the feed and the saved state exactly as written, on the insert and on the upsert path, and
 * reach a counter intact.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { textList } from '../../headoffice/text-list';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from '../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../sync/support/hq';
import { hqPart } from '../sync/support/parts';

let hq: TestHeadOffice;
let pc: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
  pc = await openCounter(hq);
});

afterAll(async () => {
  await pc?.close();
  await hq?.close();
});

it('keeps separators, quotes and backslashes inside values through the feed and the saved state', async () => {
  const odd = 'A\u001eB\u001fC "引号" \\ 反斜杠 \u0000 end';
  const part = hqPart('P-SEP', 1_000);
  await hq.write([{ ...part, fields: { ...part.fields, name: odd } }]);
  await hq.write([{ entity: 'part', entityId: part.entityId, op: 'update', fields: { spec: `${odd} v2` } }]);
  const saved = await hq.db
    .selectFrom('entityState')
    .select('state')
    .where('entity', '=', 'part')
    .where('entityId', '=', part.entityId)
    .executeTakeFirstOrThrow();
  expect(saved.state.fields).toMatchObject({ name: odd, spec: `${odd} v2` });
  const fed = await hq.db
    .selectFrom('changeFeed')
    .select('state')
    .where('entity', '=', 'part')
    .where('entityId', '=', part.entityId)
    .orderBy('serverSeq')
    .execute();
  expect(fed.map((row) => [row.state.fields.name, row.state.fields.spec])).toEqual([
    [odd, ''],
    [odd, `${odd} v2`],
  ]);
  await pc.sync();
  expect(readTable(pc.file, 'SELECT name, spec FROM part WHERE id = ?', part.entityId)).toEqual([
    { name: odd, spec: `${odd} v2` },
  ]);
});

it('reads back every list as sent, element for element, nulls and empty texts included', async () => {
  const lists: Array<Array<string | null>> = [
    [],
    [''],
    ['', ''],
    [null],
    [null, null],
    ['\u001f'],
    ['a\u001eb', null],
    ['x', null, '', '"引号" \\ {a,b} NULL'],
    ['\u001f\u001f', 'tail'],
  ];
  for (const list of lists) {
    const row = await sql<{ list: Array<string | null> }>`SELECT ${textList(list)} AS list`.execute(hq.db);
    expect(row.rows[0]!.list).toEqual(list);
  }
});
