/**
 * The console's standards routes through `inject` on the real PostgreSQL: the SLA matrix (the
 * regulation's values until head office sets a cell, validation, audit), opening-hours templates,
 * and region holidays filled from the data package with a preview, idempotent, plus single days;
 * roles that may only read, and signed-out requests, are refused by the server.
 */
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';
import type { DB } from '../../../db/schema';
import { PRIORITIES as COUNTER_PRIORITIES, TICKET_TYPES as COUNTER_TYPES } from '../../../db/tickets/workflow';
import { TIERS as COUNTER_TIERS } from '../../../db/customers/contract';
import type {
  FillPlan,
  HoursTemplate,
  RegionYear,
  SaveMatrixResult,
  SlaMatrix,
} from '../../../headoffice/console/contract/standards';
import { PRIORITIES, TICKET_TYPES, TIERS } from '../../../headoffice/console/contract/standards';
import { tempFile } from '../../support/temp-store';
import { consoleApp, consoleDatabase, signIn, type ConsoleTestDb, type SignedInStaff } from './support';

let test: ConsoleTestDb;
let app: FastifyInstance;
let quality: SignedInStaff;
let auditor: SignedInStaff;
let catalogue: SignedInStaff;

beforeAll(async () => {
  test = await consoleDatabase('hq_console_standards');
  app = await consoleApp(test.db, () => Date.parse('2026-12-01T09:00:00Z'));
  quality = await signIn(app, test.db, 'quality');
  auditor = await signIn(app, test.db, 'auditor');
  catalogue = await signIn(app, test.db, 'catalogue');
});
afterAll(async () => {
  await app.close();
  await test.drop();
});

const get = <T>(who: SignedInStaff, url: string) =>
  app.inject({ method: 'GET', url, headers: who.headers }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));
const send = <T>(who: SignedInStaff, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  app
    .inject({ method, url, headers: who.headers, ...(payload !== undefined ? { payload: payload as object } : {}) })
    .then((r) => ({ status: r.statusCode, body: r.json<T & { error?: string; message?: string }>() }));

async function auditRows(action: string) {
  return test.db
    .selectFrom('consoleAudit')
    .select(['username', 'action', 'target', 'before', 'after'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

async function hqState(entity: string, entityId: string) {
  const row = await test.db
    .selectFrom('entityState')
    .select('state')
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .executeTakeFirst();
  return row?.state;
}

describe('the SLA matrix', () => {
  it('lists the same lists and the same regulation values as a fresh counter', async () => {
    expect([TICKET_TYPES, PRIORITIES, TIERS]).toEqual([COUNTER_TYPES, COUNTER_PRIORITIES, COUNTER_TIERS]);
    const file = tempFile();
    const sqlite = new Database(file);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations });
    const counter = sqlite
      .prepare('SELECT ticket_type, priority, tier, reply_minutes, resolve_minutes, counts FROM sla_target ORDER BY id')
      .all() as Array<Record<string, unknown>>;
    await db.destroy();

    const { status, body } = await get<SlaMatrix>(auditor, '/console/api/standards/matrix');
    expect(status).toBe(200);
    expect(body.targets).toHaveLength(60);
    expect(body.targets.every((t) => !t.fromHq)).toBe(true);
    const byKey = (t: { ticketType: unknown; priority: unknown; tier: unknown }) =>
      `${String(t.ticketType)}:${String(t.priority)}:${String(t.tier)}`;
    expect(
      body.targets
        .map((t) => ({
          key: byKey(t),
          reply: t.replyMinutes,
          resolve: t.resolveMinutes,
          counts: t.counts,
        }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    ).toEqual(
      counter
        .map((r) => ({
          key: byKey({ ticketType: r.ticket_type, priority: r.priority, tier: r.tier }),
          reply: r.reply_minutes,
          resolve: r.resolve_minutes,
          counts: r.counts,
        }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
  });

  it('saves changed cells as whole head-office records with an audit entry each; the same save again changes nothing', async () => {
    const cell = {
      ticketType: 'repair',
      priority: 'urgent',
      tier: 'vip',
      replyMinutes: 5,
      resolveMinutes: 240,
      counts: 'calendar',
    } as const;
    const first = await send<SaveMatrixResult>(quality, 'PUT', '/console/api/standards/matrix', { targets: [cell] });
    expect(first.status).toBe(200);
    expect(first.body.changed).toBe(1);
    expect(first.body.targets.find((t) => byKeyOf(t) === 'repair:urgent:vip')).toEqual({ ...cell, fromHq: true });
    expect((await hqState('sla_target', 'repair:urgent:vip'))?.fields).toMatchObject({
      ticketType: 'repair',
      priority: 'urgent',
      tier: 'vip',
      replyMinutes: 5,
      resolveMinutes: 240,
      counts: 'calendar',
    });
    expect(await auditRows('sla_target.update')).toEqual([
      {
        username: quality.staff.username,
        action: 'sla_target.update',
        target: 'repair:urgent:vip',
        before: { replyMinutes: 5, resolveMinutes: 180, counts: 'working' },
        after: { replyMinutes: 5, resolveMinutes: 240, counts: 'calendar' },
      },
    ]);
    const again = await send<SaveMatrixResult>(quality, 'PUT', '/console/api/standards/matrix', { targets: [cell] });
    expect(again.body.changed).toBe(0);
    expect(await auditRows('sla_target.update')).toHaveLength(1);
  });

  it('refuses a resolve time not above the reply time, fractions, repeats and oversized lists, writing nothing', async () => {
    const base = { ticketType: 'complaint', priority: 'normal', tier: 'regular', counts: 'working' } as const;
    const bad = await send(quality, 'PUT', '/console/api/standards/matrix', {
      targets: [{ ...base, replyMinutes: 60, resolveMinutes: 60 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/resolveMinutes.*longer than the reply time/);
    const fraction = await send(quality, 'PUT', '/console/api/standards/matrix', {
      targets: [{ ...base, replyMinutes: 1.5, resolveMinutes: 60 }],
    });
    expect(fraction.status).toBe(400);
    const tooLong = await send(quality, 'PUT', '/console/api/standards/matrix', {
      targets: [{ ...base, replyMinutes: 15, resolveMinutes: 31 * 24 * 60 }],
    });
    expect(tooLong.body.message).toMatch(/At most 30 days/);
    const repeated = await send(quality, 'PUT', '/console/api/standards/matrix', {
      targets: [
        { ...base, replyMinutes: 15, resolveMinutes: 600 },
        { ...base, replyMinutes: 20, resolveMinutes: 600 },
      ],
    });
    expect(repeated).toMatchObject({ status: 400, body: { message: expect.stringMatching(/appears twice/) } });
    const oversized = await send(quality, 'PUT', '/console/api/standards/matrix', {
      targets: Array.from({ length: 61 }, () => ({ ...base, replyMinutes: 15, resolveMinutes: 600 })),
    });
    expect(oversized.status).toBe(400);
    expect(await hqState('sla_target', 'complaint:normal:regular')).toBeUndefined();
  });

  it('is read-only for the auditor and the catalogue manager, and closed to a signed-out browser', async () => {
    const cell = {
      ticketType: 'complaint',
      priority: 'normal',
      tier: 'regular',
      replyMinutes: 10,
      resolveMinutes: 600,
      counts: 'working',
    };
    for (const who of [auditor, catalogue]) {
      const refused = await send(who, 'PUT', '/console/api/standards/matrix', { targets: [cell] });
      expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    }
    expect((await get(catalogue, '/console/api/standards/matrix')).status).toBe(200);
    const signedOut = await app.inject({ method: 'GET', url: '/console/api/standards/matrix' });
    expect(signedOut.statusCode).toBe(401);
    const noCsrf = await app.inject({
      method: 'PUT',
      url: '/console/api/standards/matrix',
      headers: { cookie: quality.headers.cookie },
      payload: { targets: [cell] },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await hqState('sla_target', 'complaint:normal:regular')).toBeUndefined();
  });
});

function byKeyOf(t: { ticketType: string; priority: string; tier: string }): string {
  return `${t.ticketType}:${t.priority}:${t.tier}`;
}

describe('opening-hours templates', () => {
  it('are created, renamed and removed, each audited; a name is used once and bad hours are refused', async () => {
    const mall = {
      name: '商场标准 10:00–22:00',
      opensAt: '10:00',
      closesAt: '22:00',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
    };
    const created = await send<{ id: string; rows: HoursTemplate[] }>(
      quality,
      'POST',
      '/console/api/standards/hours-templates',
      mall,
    );
    expect(created.status).toBe(201);
    expect(created.body.rows).toEqual([{ id: created.body.id, ...mall }]);
    expect((await hqState('opening_hours_template', created.body.id))?.fields).toMatchObject({
      name: mall.name,
      workingDays: '[1,2,3,4,5,6,7]',
    });

    const twice = await send(quality, 'POST', '/console/api/standards/hours-templates', mall);
    expect(twice).toMatchObject({ status: 409, body: { error: 'name_taken' } });
    const reversed = await send(quality, 'POST', '/console/api/standards/hours-templates', {
      ...mall,
      name: '夜场',
      opensAt: '22:00',
      closesAt: '10:00',
    });
    expect(reversed).toMatchObject({ status: 400, body: { message: expect.stringMatching(/Closing must be after/) } });

    const renamed = await send<{ rows: HoursTemplate[] }>(
      quality,
      'PUT',
      `/console/api/standards/hours-templates/${created.body.id}`,
      { ...mall, name: '商场标准', workingDays: [1, 2, 3, 4, 5] },
    );
    expect(renamed.body.rows).toEqual([
      { id: created.body.id, ...mall, name: '商场标准', workingDays: [1, 2, 3, 4, 5] },
    ]);
    const removed = await send<{ rows: HoursTemplate[] }>(
      quality,
      'DELETE',
      `/console/api/standards/hours-templates/${created.body.id}`,
    );
    expect(removed.body.rows).toEqual([]);
    expect((await hqState('opening_hours_template', created.body.id))?.deleted).not.toBeNull();
    expect((await auditRows('hours_template.create')).length).toBe(1);
    expect((await auditRows('hours_template.update'))[0]).toMatchObject({
      before: { name: mall.name },
      after: { name: '商场标准' },
    });
    expect((await auditRows('hours_template.remove'))[0]).toMatchObject({ target: '商场标准', after: null });
    const gone = await send(quality, 'DELETE', `/console/api/standards/hours-templates/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect((await send(auditor, 'POST', '/console/api/standards/hours-templates', mall)).status).toBe(403);
  });
});

describe('region holidays', () => {
  it('fills 2026 from the data package after a preview, with the National Day week and its make-up days; a second fill changes nothing', async () => {
    const preview = await get<FillPlan>(auditor, '/console/api/standards/holidays/fill?region=CN&year=2026');
    expect(preview.status).toBe(200);
    expect(preview.body.source).toMatchObject({ name: 'chinese-days', firstYear: 2004, lastYear: 2026 });
    expect(preview.body.change).toEqual([]);
    const added = new Map(preview.body.add.map((d) => [d.date, d]));
    for (const day of ['01', '02', '03', '04', '05', '06', '07'])
      expect(added.get(`2026-10-${day}`)).toEqual({
        region: 'CN',
        date: `2026-10-${day}`,
        kind: 'closed',
        name: '国庆节',
      });
    expect(added.get('2026-09-20')).toMatchObject({ kind: 'workday', name: '国庆节' });
    expect(added.get('2026-10-10')).toMatchObject({ kind: 'workday', name: '国庆节' });
    // The preview wrote nothing.
    expect((await get<RegionYear>(auditor, '/console/api/standards/holidays?region=CN&year=2026')).body.days).toEqual(
      [],
    );
    expect(
      (await send(auditor, 'POST', '/console/api/standards/holidays/fill', { region: 'CN', year: 2026 })).status,
    ).toBe(403);

    // A day entered by hand first: the fill keeps it and overwrites a wrong name.
    await send(quality, 'PUT', '/console/api/standards/holidays/day', {
      region: 'CN',
      date: '2026-10-01',
      kind: 'closed',
      name: '国庆',
    });
    await send(quality, 'PUT', '/console/api/standards/holidays/day', {
      region: 'CN',
      date: '2026-12-24',
      kind: 'closed',
      name: '盘点停业',
    });
    const plan = await get<FillPlan>(quality, '/console/api/standards/holidays/fill?region=CN&year=2026');
    expect(plan.body.change).toEqual([
      {
        before: { region: 'CN', date: '2026-10-01', kind: 'closed', name: '国庆' },
        after: { region: 'CN', date: '2026-10-01', kind: 'closed', name: '国庆节' },
      },
    ]);
    expect(plan.body.kept).toEqual([{ region: 'CN', date: '2026-12-24', kind: 'closed', name: '盘点停业' }]);
    const filled = await send<FillPlan>(quality, 'POST', '/console/api/standards/holidays/fill', {
      region: 'CN',
      year: 2026,
    });
    expect(filled.status).toBe(200);
    const year = await get<RegionYear>(auditor, '/console/api/standards/holidays?region=CN&year=2026');
    expect(year.body.days).toHaveLength(preview.body.add.length + 1);
    expect(year.body.days.find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'workday' });
    expect(await auditRows('region_holiday.fill')).toHaveLength(1);

    const second = await get<FillPlan>(quality, '/console/api/standards/holidays/fill?region=CN&year=2026');
    expect(second.body).toMatchObject({ add: [], change: [], unchanged: preview.body.add.length });
    await send(quality, 'POST', '/console/api/standards/holidays/fill', { region: 'CN', year: 2026 });
    expect(await auditRows('region_holiday.fill')).toHaveLength(1);

    const regions = await get<{ rows: Array<{ region: string; days: number }> }>(
      auditor,
      '/console/api/standards/regions',
    );
    expect(regions.body.rows).toEqual([
      expect.objectContaining({
        region: 'CN',
        days: preview.body.add.length + 1,
        firstDate: '2026-01-01',
        lastDate: '2026-12-24',
      }),
    ]);
  });

  it('refuses a year the package does not have, a bad region or date, and edits and removes single days of a province', async () => {
    const future = await get(quality, '/console/api/standards/holidays/fill?region=CN&year=2031');
    expect(future).toMatchObject({
      status: 400,
      body: { error: 'year_not_in_package', message: expect.stringMatching(/2004–2026, not 2031/) },
    });
    expect((await get(quality, '/console/api/standards/holidays?region=guangdong&year=2026')).status).toBe(400);
    const badDate = await send(quality, 'PUT', '/console/api/standards/holidays/day', {
      region: 'CN-GD',
      date: '2026-02-30',
      kind: 'closed',
    });
    expect(badDate).toMatchObject({ status: 400, body: { message: expect.stringMatching(/Not a date/) } });

    const saved = await send<RegionYear>(quality, 'PUT', '/console/api/standards/holidays/day', {
      region: 'CN-GD',
      date: '2026-10-08',
      kind: 'closed',
      name: '广东地方假日',
    });
    expect(saved.body.days).toEqual([{ region: 'CN-GD', date: '2026-10-08', kind: 'closed', name: '广东地方假日' }]);
    const removed = await send<RegionYear>(quality, 'DELETE', '/console/api/standards/holidays/day/CN-GD/2026-10-08');
    expect(removed.body.days).toEqual([]);
    expect((await send(quality, 'DELETE', '/console/api/standards/holidays/day/CN-GD/2026-10-08')).status).toBe(404);
    expect((await auditRows('region_holiday.remove'))[0]).toMatchObject({
      target: 'CN-GD:2026-10-08',
      before: { kind: 'closed', name: '广东地方假日' },
    });
  });
});
