/**
 * The weighted total of an assessment and a period's ranking, in integer arithmetic (no floating
 * point anywhere, so the same ratings give the same total on every PC and on paper):
 *
 * - a customer's 1–5 follow-up rating counts as (rating − 1) × 25 points (1 → 0, 3 → 50, 5 → 100);
 *   the customers' score is the average of those;
 * - the total is Σ weight × score / 100, computed exactly as one fraction and rounded once, half
 *   up, to hundredths of a point (`totalX100`: 8650 is 86.50);
 * - a part whose weight is 0 is not needed; self or supervisor missing (with a weight) leaves the
 *   total open: the person is listed, unranked, with what is missing;
 * - no customer ratings at all (the parts group rarely meets customers; a new colleague handled no
 *   follow-up yet): the customers' weight is spread over self and supervisor in proportion to their
 *   weights, so the manager's balance between the two stays and nobody scores 0 for tickets they
 *   never had. The row says so (`spread`). With both other weights 0 the total stays open.
 */
import type { AssessmentPart, Grade } from './contract';

export type Weights = Readonly<{ self: number; supervisor: number; customers: number }>;
export type Parts = Readonly<{
  self: number | null;
  supervisor: number | null;
  /** Sum and count of the 1–5 ratings. */
  customerSum: number;
  customerCount: number;
}>;
export type Total = Readonly<{
  customerX100: number | null;
  totalX100: number | null;
  missing: ReadonlyArray<AssessmentPart>;
  spread: boolean;
}>;

/** numerator / denominator rounded half up, for a non-negative numerator and positive denominator. */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export function weightedTotal(w: Weights, p: Parts): Total {
  const n = p.customerCount;
  const customerX100 = n === 0 ? null : divideHalfUp(2500 * (p.customerSum - n), n);
  const missing: AssessmentPart[] = [];
  if (w.self > 0 && p.self === null) missing.push('self');
  if (w.supervisor > 0 && p.supervisor === null) missing.push('supervisor');
  const noCustomers = w.customers > 0 && n === 0;
  const spread = noCustomers && w.self + w.supervisor > 0;
  if (noCustomers && !spread) missing.push('customers');
  if (missing.length > 0) return { customerX100, totalX100: null, missing, spread: false };
  const known = w.self * (p.self ?? 0) + w.supervisor * (p.supervisor ?? 0);
  if (spread) return { customerX100, totalX100: divideHalfUp(100 * known, w.self + w.supervisor), missing, spread };
  if (w.customers === 0) return { customerX100, totalX100: known, missing, spread };
  // Σ w·s with the customers' score 25·(sum − n)/n, over the common denominator n.
  return {
    customerX100,
    totalX100: divideHalfUp(n * known + 25 * w.customers * (p.customerSum - n), n),
    missing,
    spread,
  };
}

export function gradeOf(totalX100: number | null, bands: Readonly<{ aMin: number; bMin: number }>): Grade | null {
  if (totalX100 === null) return null;
  if (totalX100 >= bands.aMin * 100) return 'A';
  if (totalX100 >= bands.bMin * 100) return 'B';
  return 'C';
}

/**
 * Ranks by total, highest first. Equal totals share a rank and the next rank skips (1, 2, 2, 4):
 * the totals are exact to the hundredth, so a tie is a real tie and no second rule decides it; tied
 * people are listed by name. Incomplete rows follow, unranked.
 */
export function ranked<T extends Readonly<{ totalX100: number | null; name: string }>>(
  rows: ReadonlyArray<T>,
): Array<T & { rank: number | null }> {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'zh-CN');
  const complete = rows.filter((r) => r.totalX100 !== null).sort((a, b) => b.totalX100! - a.totalX100! || byName(a, b));
  const open = rows.filter((r) => r.totalX100 === null).sort(byName);
  const out: Array<T & { rank: number | null }> = [];
  complete.forEach((row, i) => {
    const previous = out[i - 1];
    const rank = previous && previous.totalX100 === row.totalX100 ? previous.rank : i + 1;
    out.push({ ...row, rank });
  });
  return [...out, ...open.map((row) => ({ ...row, rank: null }))];
}
