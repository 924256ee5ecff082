/**
 * The catalogue console's routes through `inject`: who may read and write (refused in the server,
 * whatever the page shows), bad input named and nothing written, the audit entry of each write
 * with its before and after, and the import's dry run and apply over HTTP.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DryRun, PartPage, PartView, SupplierView } from '../../../headoffice/console/contract/catalogue';
import type { TierView } from '../../../headoffice/console/contract/tiers';
import type { CategoryView } from '../../../headoffice/console/contract/categories';
import { consoleApp, consoleDatabase, signIn, type ConsoleTestDb, type SignedInStaff } from './support';

let hq: ConsoleTestDb;
let app: FastifyInstance;
let editor: SignedInStaff;
let auditor: SignedInStaff;
let quality: SignedInStaff;
let supplier: SupplierView;
let part: PartView;

const API = '/console/api/catalogue';
const newPart = { partNo: 'FR-SEAL-01', name: '冰箱门封条', spec: '1.2m', unit: '条', costFen: 1800, priceFen: 3900 };

const countParts = async () =>
  Number(
    (
      await hq.db
        .selectFrom('entityState')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('entity', '=', 'part')
        .executeTakeFirstOrThrow()
    ).n,
  );
const lastAudit = () =>
  hq.db
    .selectFrom('consoleAudit')
    .select(['username', 'action', 'target', 'before', 'after'])
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  hq = await consoleDatabase('hq_catalogue');
  app = await consoleApp(hq.db);
  editor = await signIn(app, hq.db, 'catalogue');
  auditor = await signIn(app, hq.db, 'auditor');
  quality = await signIn(app, hq.db, 'quality');
  const s = await app.inject({
    method: 'POST',
    url: `${API}/suppliers`,
    headers: editor.headers,
    payload: { name: '海尔配件', contact: '李工', phone: '0532-1234' },
  });
  expect(s.statusCode).toBe(201);
  supplier = s.json();
  const p = await app.inject({
    method: 'POST',
    url: `${API}/parts`,
    headers: editor.headers,
    payload: { ...newPart, supplierIds: [supplier.id] },
  });
  expect(p.statusCode).toBe(201);
  part = p.json();
});

afterAll(async () => {
  await app?.close();
  await hq?.drop();
});

describe('who may', () => {
  it('signed out: 401, nothing read', async () => {
    const answer = await app.inject({ method: 'GET', url: `${API}/parts` });
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toMatchObject({ error: 'signed_out' });
  });

  it('the auditor reads parts but every write is refused by the server', async () => {
    expect((await app.inject({ method: 'GET', url: `${API}/parts`, headers: auditor.headers })).statusCode).toBe(200);
    const before = await countParts();
    for (const [method, url, payload] of [
      ['POST', `${API}/parts`, { ...newPart, partNo: 'AUD-1' }],
      ['PUT', `${API}/parts/${part.id}`, { ...newPart, priceFen: 1 }],
      ['POST', `${API}/parts/${part.id}/retire`, { retired: true }],
      ['POST', `${API}/suppliers`, { name: 'x' }],
      [
        'PUT',
        `${API}/categories/tv`,
        {
          nameZh: '电视',
          nameEn: 'TV',
          warrantyMonths: 1,
          mainPartsMonths: 36,
          returnDays: 7,
          exchangeDays: 15,
          position: 0,
        },
      ],
      ['PUT', `${API}/tiers/gold`, { minSpendFen: 1, minVisits: null, serviceStandard: '' }],
      ['POST', `${API}/import/dry-run`, { fileName: 'a.csv', contentBase64: '' }],
    ] as const) {
      const answer = await app.inject({ method, url, headers: auditor.headers, payload });
      expect(answer.statusCode, `${method} ${url}`).toBe(403);
      expect(answer.json()).toMatchObject({ error: 'forbidden' });
    }
    expect(await countParts()).toBe(before);
    expect(
      (await app.inject({ method: 'GET', url: `${API}/parts/${part.id}`, headers: auditor.headers })).json(),
    ).toMatchObject({
      priceFen: 3900,
      retiredAt: null,
    });
  });

  it('a write without the CSRF token is refused', async () => {
    const answer = await app.inject({
      method: 'PUT',
      url: `${API}/parts/${part.id}`,
      headers: { cookie: editor.headers.cookie },
      payload: { ...newPart, priceFen: 1 },
    });
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ error: 'csrf' });
  });

  it('tiers are service policy: the quality manager edits them, the catalogue manager only reads', async () => {
    const body = { minSpendFen: 2_500_000, minVisits: 12, serviceStandard: '优先安排上门' };
    const refused = await app.inject({
      method: 'PUT',
      url: `${API}/tiers/gold`,
      headers: editor.headers,
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const done = await app.inject({ method: 'PUT', url: `${API}/tiers/gold`, headers: quality.headers, payload: body });
    expect(done.statusCode).toBe(200);
    expect(done.json<TierView>()).toMatchObject({ tier: 'gold', minSpendFen: 2_500_000, setByHeadOffice: true });
    expect(await lastAudit()).toMatchObject({
      action: 'tier.update',
      target: 'gold',
      before: { minSpendFen: 2_000_000, minVisits: 10 },
      after: { minSpendFen: 2_500_000, minVisits: 12 },
    });
    const list = await app.inject({ method: 'GET', url: `${API}/tiers`, headers: editor.headers });
    expect(list.json<{ items: TierView[] }>().items.map((t) => [t.tier, t.minSpendFen])).toEqual([
      ['regular', null],
      ['silver', 500_000],
      ['gold', 2_500_000],
      ['vip', 5_000_000],
    ]);
  });
});

describe('edits', () => {
  it('a price edit is audited with the fields before and after, and only those', async () => {
    const answer = await app.inject({
      method: 'PUT',
      url: `${API}/parts/${part.id}`,
      headers: editor.headers,
      payload: { ...newPart, supplierIds: [supplier.id], priceFen: 4200 },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json<PartView>()).toMatchObject({ priceFen: 4200, costFen: 1800 });
    expect(await lastAudit()).toEqual({
      username: editor.staff.username,
      action: 'part.update',
      target: 'FR-SEAL-01',
      before: { priceFen: 3900 },
      after: { priceFen: 4200 },
    });
    const feed = await hq.db
      .selectFrom('changeFeed')
      .select(['entity', 'entityId', 'scope', 'state'])
      .orderBy('serverSeq', 'desc')
      .executeTakeFirstOrThrow();
    expect(feed).toMatchObject({ entity: 'part', entityId: part.id, scope: 'global' });
    expect(feed.state.fields).toMatchObject({ priceFen: 4200, partNo: 'FR-SEAL-01' });
  });

  it('bad input is named and writes nothing', async () => {
    const before = await countParts();
    const cases: Array<[object, number, RegExp]> = [
      [{ ...newPart, partNo: 'NEW-1', priceFen: -1 }, 400, /priceFen: must not be negative/],
      [{ ...newPart, partNo: 'NEW-1', costFen: 12.5 }, 400, /costFen: must be a whole number of fen/],
      [{ ...newPart, partNo: 'NEW-1', name: 'x'.repeat(61) }, 400, /name: at most 60 characters/],
      [{ ...newPart, partNo: 'bad no' }, 400, /partNo: must be 1–40 letters/],
      [{ ...newPart, partNo: 'fr-seal-01' }, 409, /Part number FR-SEAL-01 is already used/],
      [{ ...newPart, partNo: 'NEW-1', supplierIds: ['00000000-0000-4000-8000-000000000000'] }, 400, /No supplier/],
    ];
    for (const [payload, status, message] of cases) {
      const answer = await app.inject({ method: 'POST', url: `${API}/parts`, headers: editor.headers, payload });
      expect(answer.statusCode, JSON.stringify(payload)).toBe(status);
      expect(answer.json<{ message: string }>().message).toMatch(message);
    }
    expect(await countParts()).toBe(before);
    const page = await app.inject({ method: 'GET', url: `${API}/parts?pageSize=501`, headers: editor.headers });
    expect(page.statusCode).toBe(400);
    expect(page.json()).toMatchObject({ message: expect.stringMatching(/query pageSize/) });
  });

  it('search pages by part number or name; a retired part leaves the active list', async () => {
    const search = await app.inject({ method: 'GET', url: `${API}/parts?q=门封`, headers: auditor.headers });
    expect(search.json<PartPage>()).toMatchObject({ total: 1, items: [{ partNo: 'FR-SEAL-01' }] });
    const retired = await app.inject({
      method: 'POST',
      url: `${API}/parts/${part.id}/retire`,
      headers: editor.headers,
      payload: { retired: true },
    });
    expect(retired.json<PartView>().retiredAt).not.toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'part.retire', before: { retiredAt: null } });
    const active = await app.inject({ method: 'GET', url: `${API}/parts?q=FR-SEAL`, headers: editor.headers });
    expect(active.json<PartPage>().total).toBe(0);
    const all = await app.inject({
      method: 'GET',
      url: `${API}/parts?q=FR-SEAL&status=retired`,
      headers: editor.headers,
    });
    expect(all.json<PartPage>().total).toBe(1);
  });

  it('suppliers: a name taken by an active supplier is refused; retired ones cannot be newly chosen', async () => {
    const dup = await app.inject({
      method: 'POST',
      url: `${API}/suppliers`,
      headers: editor.headers,
      payload: { name: ' 海尔配件 ' },
    });
    expect(dup.statusCode).toBe(409);
    const s2 = (
      await app.inject({
        method: 'POST',
        url: `${API}/suppliers`,
        headers: editor.headers,
        payload: { name: '格力配件' },
      })
    ).json<SupplierView>();
    await app.inject({
      method: 'POST',
      url: `${API}/suppliers/${s2.id}/retire`,
      headers: editor.headers,
      payload: { retired: true },
    });
    const refused = await app.inject({
      method: 'POST',
      url: `${API}/parts`,
      headers: editor.headers,
      payload: { ...newPart, partNo: 'GR-1', supplierIds: [s2.id] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'supplier_retired' });
    const list = await app.inject({ method: 'GET', url: `${API}/suppliers`, headers: auditor.headers });
    expect(list.json<{ items: SupplierView[] }>().items.find((s) => s.name === '海尔配件')).toMatchObject({
      partCount: 1,
    });
  });

  it('categories: the built-in ones show until set; a new one needs a free code; warranty months bounded', async () => {
    const list = await app.inject({ method: 'GET', url: `${API}/categories`, headers: auditor.headers });
    expect(list.json<{ items: CategoryView[] }>().items.find((c) => c.code === 'furniture')).toMatchObject({
      warrantyMonths: 24,
      setByHeadOffice: false,
    });
    const bad = await app.inject({
      method: 'PUT',
      url: `${API}/categories/furniture`,
      headers: editor.headers,
      payload: {
        nameZh: '家具',
        nameEn: 'Furniture',
        warrantyMonths: 121,
        mainPartsMonths: 121,
        returnDays: 7,
        exchangeDays: 15,
        position: 8,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ message: expect.stringMatching(/warrantyMonths: at most 120 months/) });
    const taken = await app.inject({
      method: 'POST',
      url: `${API}/categories`,
      headers: editor.headers,
      payload: {
        code: 'tv',
        nameZh: '电视',
        nameEn: 'TV',
        warrantyMonths: 12,
        mainPartsMonths: 36,
        returnDays: 7,
        exchangeDays: 15,
        position: 20,
      },
    });
    expect(taken.statusCode).toBe(409);
    const created = await app.inject({
      method: 'POST',
      url: `${API}/categories`,
      headers: editor.headers,
      payload: {
        code: 'water_heater',
        nameZh: '热水器',
        nameEn: 'Water heater',
        warrantyMonths: 36,
        mainPartsMonths: 36,
        returnDays: 7,
        exchangeDays: 15,
        position: 11,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(await lastAudit()).toMatchObject({ action: 'category.create', target: 'water_heater' });
  });

  it('三包 windows: national defaults until set, bounded, in order, audited field by field', async () => {
    const list = await app.inject({ method: 'GET', url: `${API}/categories`, headers: auditor.headers });
    expect(list.json<{ items: CategoryView[] }>().items.find((c) => c.code === 'fridge')).toMatchObject({
      warrantyMonths: 12,
      mainPartsMonths: 36,
      returnDays: 7,
      exchangeDays: 15,
      setByHeadOffice: false,
    });
    const fridge = { nameZh: '冰箱', nameEn: 'Fridge', warrantyMonths: 12, mainPartsMonths: 36, position: 1 };
    for (const [terms, message] of [
      [{ returnDays: 3651, exchangeDays: 3651 }, /returnDays: at most 3650 days/],
      [{ returnDays: -1, exchangeDays: 15 }, /returnDays: must not be negative/],
      [{ returnDays: 7.5, exchangeDays: 15 }, /returnDays: must be whole days/],
      [{ returnDays: 15, exchangeDays: 7 }, /exchangeDays: must not be shorter than the return window/],
      [{ returnDays: 7, exchangeDays: 15, mainPartsMonths: 6 }, /mainPartsMonths: must not be shorter/],
    ] as const) {
      const bad = await app.inject({
        method: 'PUT',
        url: `${API}/categories/fridge`,
        headers: editor.headers,
        payload: { ...fridge, ...terms },
      });
      expect(bad.statusCode, JSON.stringify(terms)).toBe(400);
      expect(bad.json()).toMatchObject({ message: expect.stringMatching(message) });
    }
    const before = await hq.db
      .selectFrom('changeFeed')
      .select((eb) => eb.fn.max('serverSeq').as('seq'))
      .executeTakeFirstOrThrow();
    expect((await lastAudit()).target).not.toBe('fridge');
    const ok = await app.inject({
      method: 'PUT',
      url: `${API}/categories/fridge`,
      headers: editor.headers,
      payload: { ...fridge, returnDays: 30, exchangeDays: 30 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ returnDays: 30, exchangeDays: 30, setByHeadOffice: true });
    expect(await lastAudit()).toMatchObject({
      action: 'category.update',
      target: 'fridge',
      before: { returnDays: 7, exchangeDays: 15 },
      after: { returnDays: 30, exchangeDays: 30 },
    });
    // One feed row for every counter (scope global): nothing was written by the refused edits.
    const fed = await hq.db
      .selectFrom('changeFeed')
      .select(['entity', 'entityId', 'scope'])
      .where('serverSeq', '>', Number(before.seq ?? 0))
      .execute();
    expect(fed).toEqual([{ entity: 'product_category', entityId: 'fridge', scope: 'global' }]);
  });

  it('tier thresholds must rise with the tier', async () => {
    const answer = await app.inject({
      method: 'PUT',
      url: `${API}/tiers/silver`,
      headers: quality.headers,
      payload: { minSpendFen: 9_000_000, minVisits: 5, serviceStandard: '' },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({
      error: 'tier_order',
      message: "gold's minimum spend must be above silver's (9000000)",
      tier: 'gold',
      lower: 'silver',
      field: 'minSpendFen',
      lowerValue: 9_000_000,
    });
  });
});

describe('import over HTTP', () => {
  const file = (text: string) => ({ fileName: 'prices.csv', contentBase64: Buffer.from(text).toString('base64') });

  it('dry run, then apply with its token', async () => {
    const body = file('part_no,name,price\nFR-SEAL-01,冰箱门封条,45\nNEW-9,新件,1.5\n');
    const dry = await app.inject({
      method: 'POST',
      url: `${API}/import/dry-run`,
      headers: editor.headers,
      payload: body,
    });
    expect(dry.statusCode).toBe(200);
    const plan = dry.json<DryRun>();
    expect(plan.problems.map((p) => p.message)).toEqual(['A new part needs costFen']);
    const refused = await app.inject({
      method: 'POST',
      url: `${API}/import/apply`,
      headers: editor.headers,
      payload: { ...body, token: plan.token },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'import_has_problems' });

    const good = file('part_no,price\nFR-SEAL-01,45\n');
    const dry2 = (
      await app.inject({ method: 'POST', url: `${API}/import/dry-run`, headers: editor.headers, payload: good })
    ).json<DryRun>();
    expect(dry2.lines).toEqual([
      {
        line: 2,
        partNo: 'FR-SEAL-01',
        kind: 'change',
        changes: [
          { field: 'priceFen', before: 4200, after: 4500 },
          { field: 'retiredAt', before: expect.any(String), after: null },
        ],
      },
    ]);
    const applied = await app.inject({
      method: 'POST',
      url: `${API}/import/apply`,
      headers: editor.headers,
      payload: { ...good, token: dry2.token },
    });
    expect(applied.json()).toEqual({ added: 0, changed: 1, unchanged: 0 });
  });

  it('a file over 5 MB or not base64 is refused before it is read', async () => {
    const big = await app.inject({
      method: 'POST',
      url: `${API}/import/dry-run`,
      headers: editor.headers,
      payload: { fileName: 'big.csv', contentBase64: 'A'.repeat(7_100_000) },
    });
    expect(big.statusCode).toBe(400);
    expect(big.json()).toMatchObject({ message: expect.stringMatching(/contentBase64: file is over 5 MB/) });
    const named = await app.inject({
      method: 'POST',
      url: `${API}/import/dry-run`,
      headers: editor.headers,
      payload: { fileName: 'parts.pdf', contentBase64: 'QQ==' },
    });
    expect(named.json()).toMatchObject({ message: expect.stringMatching(/fileName: must end in .csv or .xlsx/) });
  });
});
