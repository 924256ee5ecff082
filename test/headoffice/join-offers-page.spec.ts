/**
 * A page of the join review (headoffice/join/queries.ts `joinOffersOf`) costs the same number of
 * statements whatever its size: the mapped label and the suggestion of every offer come with the
 * page, not from one or two queries per offer. And each suggestion is still the one a person
 * expects: a part by its number, a supplier by its name whatever its case and surrounding spaces,
 * another kind by the same record, none for an offer already decided.
 */
import { randomBytes } from 'node:crypto';
import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinOffersOf } from '../../headoffice/join/queries';
import { startTestHeadOffice, type TestHeadOffice } from '../sync/support/hq';

let hq: TestHeadOffice;
let storeId: string;
const id = () => randomBytes(8).toString('hex');

async function offer(
  entity: string,
  entityId: string,
  fields: Record<string, unknown>,
  status = 'pending',
  mappedTo: string | null = null,
) {
  await sql`INSERT INTO join_offer (id, store_id, device_id, entity, entity_id, label, fields, status, mapped_to, decided_by, decided_at, reason, offered_at)
    VALUES (${id()}, ${storeId}, NULL, ${entity}, ${entityId}, ${`${entity} ${entityId}`}, ${JSON.stringify(fields)}, ${status}, ${mappedTo},
      NULL, ${status === 'pending' ? null : new Date()}, '', now())`.execute(hq.db);
}

beforeAll(async () => {
  hq = await startTestHeadOffice();
  storeId = await hq.addStore('JP1');
});

afterAll(async () => {
  await hq?.close();
});

describe('a page of join offers', () => {
  it('is two statements for 3 offers and for 200, with the suggestions and mapped labels a person expects', async () => {
    const part = id();
    const supplier = id();
    await hq.write([
      { entity: 'part', entityId: part, op: 'insert', fields: { partNo: 'JP-001', name: '压缩机' } },
      { entity: 'supplier', entityId: supplier, op: 'insert', fields: { name: 'Acme 制冷' } },
      { entity: 'product_category', entityId: 'fridge', op: 'insert', fields: { nameZh: '冰箱' } },
    ]);
    await offer('part', id(), { partNo: 'JP-001', name: '门店压缩机' });
    await offer('supplier', id(), { name: '  acme 制冷 ' });
    await offer('product_category', 'fridge', { nameZh: '冰箱' });

    let statements = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => ((statements += 1), args.node),
      transformResult: async (args) => args.result,
    };
    const db = hq.db.withPlugin(counting);
    const small = await joinOffersOf(db, { storeId, page: 0, pageSize: 200 });
    expect(statements).toBe(2);
    expect(small.total).toBe(3);
    const byEntity = new Map(small.offers.map((o) => [o.entity, o]));
    expect(byEntity.get('part')?.suggestion).toEqual({ targetId: part, label: 'JP-001 压缩机', why: 'same_part_no' });
    expect(byEntity.get('supplier')?.suggestion).toEqual({ targetId: supplier, label: 'Acme 制冷', why: 'same_name' });
    expect(byEntity.get('product_category')?.suggestion).toEqual({
      targetId: 'fridge',
      label: 'fridge',
      why: 'same_record',
    });

    for (let i = 0; i < 196; i += 1) await offer('part', id(), { partNo: `X-${i}`, name: '无匹配' });
    await offer('part', id(), { partNo: 'JP-001' }, 'mapped', part);
    statements = 0;
    const full = await joinOffersOf(db, { storeId, page: 0, pageSize: 200 });
    expect(statements).toBe(2);
    expect(full.total).toBe(200);
    expect(full.offers).toHaveLength(200);
    const mapped = full.offers.find((o) => o.status === 'mapped')!;
    // Decided: its mapped record's label, and no suggestion any more.
    expect(mapped.mappedLabel).toBe('JP-001 压缩机');
    expect(mapped.suggestion).toBeNull();
    expect(full.offers.filter((o) => o.entity === 'part' && o.suggestion !== null)).toHaveLength(1);
    const second = await joinOffersOf(db, { storeId, page: 1, pageSize: 150, status: 'pending' });
    expect(second.total).toBe(199);
    expect(second.offers).toHaveLength(49);
  });
});
