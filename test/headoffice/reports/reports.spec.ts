/** Every report's numbers on the hand-counted chain of seed.ts, with and without filters. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportQuerySchema } from '../../../headoffice/console/contract/reports';
import type { HqDatabase } from '../../../headoffice/db/open';
import { partsReport } from '../../../headoffice/reports/parts-reports';
import { storesReport } from '../../../headoffice/reports/store-comparison';
import {
  complaintsReport,
  satisfactionReport,
  slaReport,
  turnaroundReport,
} from '../../../headoffice/reports/ticket-reports';
import { seedReportChain, SEED_NOW, type SeededChain } from './seed';
import { reportsDatabase } from './support';

let db: HqDatabase;
let close: () => Promise<void>;
let chain: SeededChain;

beforeAll(async () => {
  const opened = await reportsDatabase();
  ({ db, close } = opened);
  chain = await seedReportChain(db, opened.hqClock);
});
afterAll(() => close());

const query = (q: Record<string, string> = {}) => reportQuerySchema.parse({ from: '2026-01', to: '2026-02', ...q });

describe('chain reports on the seeded chain', () => {
  it('count complaints by category, channel, month and store, without the deleted one', async () => {
    const r = await complaintsReport(db, query());
    expect(r.total).toBe(4);
    expect(r.byCategory).toEqual([
      { category: 'product_quality', count: 2 },
      { category: 'delivery', count: 1 },
      { category: 'service_attitude', count: 1 },
    ]);
    expect(r.byChannel).toEqual([
      { channel: 'phone', count: 2 },
      { channel: 'in_store', count: 1 },
      { channel: 'online', count: 1 },
    ]);
    expect(r.trend).toEqual([
      { month: '2026-01', total: 2, byCategory: { product_quality: 1, service_attitude: 1 } },
      { month: '2026-02', total: 2, byCategory: { product_quality: 1, delivery: 1 } },
    ]);
    expect(r.byStore.map((s) => [s.code, s.name, s.count])).toEqual([
      ['S001', '南京西路店', 3],
      ['S002', '徐家汇店', 1],
    ]);
    expect((await complaintsReport(db, query({ stores: chain.s2.storeId }))).total).toBe(1);
    expect((await complaintsReport(db, query({ from: '2026-03', to: '2026-03' }))).total).toBe(0);
  });

  it('give SLA compliance per clock, type, month and store', async () => {
    const r = await slaReport(db, query());
    expect(r.reply).toEqual({ met: 5, breached: 1, open: 0, rate: 0.8333 });
    expect(r.resolve).toEqual({ met: 2, breached: 2, open: 1, rate: 0.5 });
    expect(r.byType).toEqual([
      {
        type: 'complaint',
        reply: { met: 3, breached: 1, open: 0, rate: 0.75 },
        resolve: { met: 1, breached: 1, open: 1, rate: 0.5 },
      },
      {
        type: 'repair',
        reply: { met: 2, breached: 0, open: 0, rate: 1 },
        resolve: { met: 1, breached: 1, open: 0, rate: 0.5 },
      },
    ]);
    expect(r.byStore.map((s) => [s.code, s.reply.rate, s.resolve.rate])).toEqual([
      ['S001', 0.75, 0.6667],
      ['S002', 1, 0],
    ]);
    expect(r.trend.map((m) => [m.month, m.reply.met, m.reply.breached])).toEqual([
      ['2026-01', 2, 1],
      ['2026-02', 3, 0],
    ]);
    const repairs = await slaReport(db, query({ type: 'repair' }));
    expect(repairs.resolve).toEqual({ met: 1, breached: 1, open: 0, rate: 0.5 });
  });

  it('average the follow-up ratings', async () => {
    const r = await satisfactionReport(db, query());
    expect(r).toMatchObject({ count: 3, average: 3.67, byScore: [0, 1, 0, 1, 1] });
    expect(r.trend.map((m) => [m.month, m.count, m.average])).toEqual([
      ['2026-01', 1, 5],
      ['2026-02', 2, 3],
    ]);
    expect(r.byStore.map((s) => [s.code, s.count, s.average])).toEqual([['S001', 3, 3.67]]);
  });

  it('measure repair turnaround with its histogram', async () => {
    const r = await turnaroundReport(db, query());
    expect(r).toMatchObject({ type: 'repair', count: 2, averageHours: 54 });
    expect(r.buckets).toEqual([
      { bucket: 'tat1d', count: 1 },
      { bucket: 'tat3d', count: 0 },
      { bucket: 'tat7d', count: 1 },
      { bucket: 'tat14d', count: 0 },
      { bucket: 'tatOver', count: 0 },
    ]);
    expect(r.byStore.map((s) => [s.code, s.averageHours])).toEqual([
      ['S001', 12],
      ['S002', 96],
    ]);
    expect((await turnaroundReport(db, query({ type: 'complaint' }))).averageHours).toBe(48);
  });

  it('sum parts consumed less returned, and find the slow stock with its value', async () => {
    const r = await partsReport(db, query(), SEED_NOW);
    expect(r).toMatchObject({ consumed: 4, consumedFen: 8700 });
    expect(r.trend).toEqual([
      { month: '2026-01', consumed: 3, consumedFen: 7500 },
      { month: '2026-02', consumed: 1, consumedFen: 1200 },
    ]);
    expect(r.top.map((p) => [p.partNo, p.name, p.consumed, p.stores])).toEqual([
      ['F-100', '滤芯', 3, 1],
      ['B-200', '皮带', 1, 1],
    ]);
    expect(r.slow).toEqual([
      { partId: 'p-filter', partNo: 'F-100', name: '滤芯', onHand: 4, valueFen: 10000, stores: 1 },
    ]);
  });

  it('compare the stores side by side', async () => {
    const r = await storesReport(db, query());
    expect(r.rows).toEqual([
      {
        storeId: chain.s1.storeId,
        code: 'S001',
        name: '南京西路店',
        tickets: 4,
        complaints: 3,
        replyRate: 0.75,
        resolveRate: 0.6667,
        averageRating: 3.67,
        repairAverageHours: 12,
        partsConsumedFen: 8700,
      },
      {
        storeId: chain.s2.storeId,
        code: 'S002',
        name: '徐家汇店',
        tickets: 2,
        complaints: 1,
        replyRate: 1,
        resolveRate: 0,
        averageRating: null,
        repairAverageHours: 96,
        partsConsumedFen: 0,
      },
    ]);
  });

  it('refuse filters that are malformed or unbounded', () => {
    expect(() => reportQuerySchema.parse({ from: '2026-13', to: '2026-02' })).toThrow(/month/);
    expect(() => reportQuerySchema.parse({ from: '2026-03', to: '2026-02' })).toThrow(/after/);
    expect(() => reportQuerySchema.parse({ from: '2020-01', to: '2026-02' })).toThrow(/36 months/);
    const many = Array.from({ length: 201 }, (_, i) => `s${i}`).join(',');
    expect(() => reportQuerySchema.parse({ from: '2026-01', to: '2026-02', stores: many })).toThrow(/200 stores/);
  });
});
