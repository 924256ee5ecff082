/**
 * Alerts and reports (docs/DOMAIN.md §7): what to reorder (common parts must never run out), what lies
 * idle (库存积压, to return or discount), and stock below zero for the parts lead. No Node imports.
 */
import { z } from 'zod';
import type { ClearanceView } from '../clearance/contract';

/** The slow-moving report's window when none is asked for; the reorder list leaves out what it lists. */
export const SLOW_MOVING_DAYS = 90;

export const slowMovingSchema = z.object({
  /** No issue in this many days. */
  days: z
    .number({ error: 'days_range' })
    .int('days_range')
    .min(1, 'days_range')
    .max(3650, 'days_range')
    .default(SLOW_MOVING_DAYS),
});

export type ReorderLine = Readonly<{
  partId: string;
  partNo: string;
  name: string;
  spec: string;
  unit: string;
  onHand: number;
  /** Approved on requisitions and not yet issued: already spoken for. */
  demand: number;
  /** Still to arrive on open purchase orders (drafts, awaiting approval, approved). */
  onOrder: number;
  reorderLevel: number;
  reorderQty: number;
  /** Whole reorder quantities until on-hand less demand plus on order is above the reorder level. */
  suggestedQty: number;
  costFen: number;
  amountFen: number;
  supplierName: string | null;
  supplierPhone: string | null;
}>;

export type ReorderList = Readonly<{ asOf: string; items: ReadonlyArray<ReorderLine>; totalFen: number }>;

export type SlowLine = Readonly<{
  partId: string;
  partNo: string;
  name: string;
  unit: string;
  onHand: number;
  lastIssueAt: string | null;
  /** When it first came into stock, for parts never issued. */
  inStockSince: string | null;
  idleDays: number;
  costFen: number;
  /** Value tied up: on-hand × cost. */
  valueFen: number;
  /** The catalogue price, and the clearance the part is on (null when none). */
  priceFen: number;
  clearance: ClearanceView | null;
}>;

export type SlowMoving = Readonly<{ asOf: string; days: number; items: ReadonlyArray<SlowLine>; totalFen: number }>;

export type NegativeLine = Readonly<{
  partId: string;
  partNo: string;
  name: string;
  unit: string;
  locationCode: string;
  onHand: number;
  lastMovementAt: string;
}>;

export type PartsAlerts = Readonly<{ negative: number; reorder: number; toApprove: number; toIssue: number }>;
