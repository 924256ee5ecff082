/** The assessment's arithmetic (db/training/score.ts): exact weighted totals, the spread, rounding, ranks and grades. */
import { describe, expect, it } from 'vitest';
import { divideHalfUp, gradeOf, ranked, weightedTotal, type Parts, type Weights } from '../../db/training/score';

const w = (self: number, supervisor: number, customers: number): Weights => ({ self, supervisor, customers });
const ratings = (...list: number[]) => ({ customerSum: list.reduce((a, b) => a + b, 0), customerCount: list.length });
const parts = (self: number | null, supervisor: number | null, ...list: number[]): Parts => ({
  self,
  supervisor,
  ...ratings(...list),
});

describe('weighted total', () => {
  it.each([
    // weights, self, supervisor, ratings → customers ×100, total ×100
    { weights: w(30, 40, 30), p: parts(85, 90, 5, 4, 4), customer: 8333, total: 8650, note: 'C = 83.33…, exact 86.50' },
    { weights: w(30, 40, 30), p: parts(85, 90, 5, 4), customer: 8750, total: 8775, note: 'C = 87.5' },
    { weights: w(33, 33, 34), p: parts(80, 81, 5, 5, 4), customer: 9167, total: 8430, note: '8429.67 rounds up' },
    { weights: w(34, 33, 33), p: parts(80, 81, 5, 4), customer: 8750, total: 8281, note: '8280.5: half rounds up' },
    { weights: w(20, 30, 50), p: parts(60, 70, 1), customer: 0, total: 3300, note: 'a single 1 counts as 0' },
    { weights: w(20, 30, 50), p: parts(100, 100, 5, 5), customer: 10000, total: 10000, note: 'all full marks' },
    { weights: w(50, 50, 0), p: parts(77, 78), customer: null, total: 7750, note: 'customers weigh nothing' },
    { weights: w(0, 100, 0), p: parts(null, 64), customer: null, total: 6400, note: 'self weighs nothing: not needed' },
  ])('$note', ({ weights, p, customer, total }) => {
    const result = weightedTotal(weights, p);
    expect(result.customerX100).toBe(customer);
    expect(result.totalX100).toBe(total);
    expect(result.missing).toEqual([]);
    expect(result.spread).toBe(false);
  });

  it('spreads the customers’ weight over self and supervisor in proportion when nobody rated the person', () => {
    // 100 × (30·85 + 40·90) / 70 = 8785.71… → 87.86
    expect(weightedTotal(w(30, 40, 30), parts(85, 90))).toEqual({
      customerX100: null,
      totalX100: 8786,
      missing: [],
      spread: true,
    });
    // Equal weights: the plain average of the two.
    expect(weightedTotal(w(25, 25, 50), parts(70, 81)).totalX100).toBe(7550);
  });

  it('leaves the total open, naming what is missing, when a weighted part has no score', () => {
    expect(weightedTotal(w(30, 40, 30), parts(null, 90, 5))).toMatchObject({ totalX100: null, missing: ['self'] });
    expect(weightedTotal(w(30, 40, 30), parts(null, null))).toMatchObject({
      totalX100: null,
      missing: ['self', 'supervisor'],
      spread: false,
    });
    // Only customers weigh, and none rated: nothing to spread onto.
    expect(weightedTotal(w(0, 0, 100), parts(90, 90))).toMatchObject({ totalX100: null, missing: ['customers'] });
  });

  it('rounds half up in integers', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(4, 3)).toBe(1);
    expect(divideHalfUp(5, 3)).toBe(2);
    expect(divideHalfUp(0, 7)).toBe(0);
  });
});

describe('ranking and grades', () => {
  it('shares a rank between equal totals and lists the incomplete last, unranked', () => {
    const rows = ranked([
      { name: '王师傅', totalX100: 8650 },
      { name: '李娜', totalX100: null },
      { name: '陈师傅', totalX100: 9000 },
      { name: '张敏', totalX100: 8650 },
      { name: '赵磊', totalX100: 7000 },
    ]);
    expect(rows.map((r) => [r.name, r.rank])).toEqual([
      ['陈师傅', 1],
      ['王师傅', 2],
      ['张敏', 2],
      ['赵磊', 4],
      ['李娜', null],
    ]);
  });

  it('grades by the manager’s bands, the band’s lowest total included', () => {
    const bands = { aMin: 90, bMin: 75 };
    expect(gradeOf(9000, bands)).toBe('A');
    expect(gradeOf(8999, bands)).toBe('B');
    expect(gradeOf(7500, bands)).toBe('B');
    expect(gradeOf(7499, bands)).toBe('C');
    expect(gradeOf(null, bands)).toBeNull();
  });
});
