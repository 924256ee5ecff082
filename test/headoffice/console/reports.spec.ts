/**
 * The reports routes through `inject`: the seeded chain's numbers as the console receives them,
 * the role check in the server for every role, signed out, and filters that are malformed or too
 * large. No answer carries a customer's name or phone.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHlc } from '../../../db/sync/hlc';
import { HQ_NODE } from '../../../db/sync/merge';
import {
  REPORT_NAMES,
  type ComplaintsReport,
  type PartsReport,
  type ReportOptions,
} from '../../../headoffice/console/contract/reports';
import { CONSOLE_ROLES, can } from '../../../headoffice/console/roles';
import { seedReportChain, SEED_NOW, type SeededChain } from '../reports/seed';
import { consoleApp, consoleDatabase, signIn, type ConsoleTestDb } from './support';

let test: ConsoleTestDb;
let app: FastifyInstance;
let chain: SeededChain;

beforeAll(async () => {
  test = await consoleDatabase('hq_console_reports');
  chain = await seedReportChain(test.db, createHlc({ node: HQ_NODE }));
  app = await consoleApp(test.db, () => SEED_NOW);
});
afterAll(async () => {
  await app.close();
  await test.drop();
});

const PERIOD = 'from=2026-01&to=2026-02';

describe('reports routes', () => {
  it('answer each report with the seeded numbers, filtered by store', async () => {
    const { headers } = await signIn(app, test.db, 'quality');
    const all = await app.inject({ method: 'GET', url: `/console/api/reports/complaints?${PERIOD}`, headers });
    expect(all.statusCode).toBe(200);
    expect(all.json<ComplaintsReport>()).toMatchObject({
      total: 4,
      byStore: [
        { code: 'S001', count: 3 },
        { code: 'S002', count: 1 },
      ],
    });
    const one = await app.inject({
      method: 'GET',
      url: `/console/api/reports/complaints?${PERIOD}&stores=${chain.s1.storeId}`,
      headers,
    });
    expect(one.json<ComplaintsReport>().total).toBe(3);
    const parts = await app.inject({ method: 'GET', url: `/console/api/reports/parts?${PERIOD}&slowDays=90`, headers });
    expect(parts.json<PartsReport>()).toMatchObject({
      consumed: 4,
      consumedFen: 8700,
      slow: [{ partNo: 'F-100', onHand: 4, valueFen: 10000 }],
    });
    const options = await app.inject({ method: 'GET', url: '/console/api/reports/options', headers });
    expect(options.json<ReportOptions>()).toEqual({
      stores: [
        { storeId: chain.s1.storeId, code: 'S001', name: '南京西路店' },
        { storeId: chain.s2.storeId, code: 'S002', name: '徐家汇店' },
      ],
      months: { first: '2026-01', last: '2026-02' },
    });
    // Aggregates only: the seeded customers' ids never appear in any report.
    for (const name of REPORT_NAMES) {
      const answer = await app.inject({ method: 'GET', url: `/console/api/reports/${name}?${PERIOD}`, headers });
      expect(answer.statusCode, name).toBe(200);
      expect(answer.body, name).not.toMatch(/cust-/);
    }
  });

  it('are checked in the server: each role by reports.read, and nobody signed out', async () => {
    for (const role of CONSOLE_ROLES) {
      const { headers } = await signIn(app, test.db, role);
      const answer = await app.inject({ method: 'GET', url: `/console/api/reports/sla?${PERIOD}`, headers });
      expect(answer.statusCode, role).toBe(can(role, 'reports.read') ? 200 : 403);
    }
    expect(can('auditor', 'reports.read')).toBe(true);
    for (const url of ['/console/api/reports/sla?' + PERIOD, '/console/api/reports/options']) {
      const answer = await app.inject({ method: 'GET', url });
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({ error: 'signed_out' });
    }
    const { headers } = await signIn(app, test.db, 'auditor');
    expect(
      (await app.inject({ method: 'POST', url: '/console/api/reports/sla', headers, payload: {} })).statusCode,
    ).toBe(404);
  });

  it('refuse malformed or unbounded filters, naming the field', async () => {
    const { headers } = await signIn(app, test.db, 'admin');
    const cases: Array<[string, RegExp]> = [
      ['from=2026-1&to=2026-02', /from/],
      ['from=2026-03&to=2026-02', /from must not be after to/],
      ['from=2020-01&to=2026-02', /at most 36 months/],
      [`${PERIOD}&type=refund`, /type/],
      [`${PERIOD}&slowDays=5`, /slowDays/],
      [`${PERIOD}&stores=${Array.from({ length: 201 }, (_, i) => `s${i}`).join(',')}`, /at most 200 stores/],
      ['to=2026-02', /from/],
    ];
    for (const [query, message] of cases) {
      const answer = await app.inject({ method: 'GET', url: `/console/api/reports/complaints?${query}`, headers });
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json(), query).toMatchObject({ error: 'bad_request', message: expect.stringMatching(message) });
    }
  });
});
