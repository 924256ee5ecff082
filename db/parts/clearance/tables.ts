/** A part's clearance (migration 0025): its stock sold at a reduced price until the stock is gone or it is ended by hand. */
import type { Selectable } from 'kysely';

export type ClearanceEndKind = 'by_hand' | 'sold_out';

export type PartClearanceTable = {
  id: string;
  partId: string;
  /** What the customer is charged per unit issued to a job while the clearance is open. */
  priceFen: number;
  reason: string;
  startedBy: string | null;
  startedAt: string;
  endedAt: string | null;
  endedBy: string | null;
  endKind: ClearanceEndKind | null;
  endReason: string;
  updatedAt: string;
  hlc: string;
};

export type PartClearanceRow = Selectable<PartClearanceTable>;
