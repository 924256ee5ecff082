/** Table types of estimates (migration 0021), joined into `DB` in db/schema.ts. */

export type EstimateTable = {
  id: string;
  ticketId: string;
  /** 1, 2, …: a change to a sent or decided version makes the next one. */
  version: number;
  /** JSON array of `EstimateLine` (db/tickets/estimates/contract.ts). */
  lines: string;
  /** What the customer pays: Σ amount of the lines not covered. */
  totalFen: number;
  /** What the warranty pays: Σ quantity × unit price of the covered lines. */
  coveredFen: number;
  /** The last store-local day the customer may accept it (YYYY-MM-DD). */
  validUntil: string;
  note: string;
  createdBy: string | null;
  createdAt: string;
  /** When it was handed or sent to the customer; from then on it is frozen. */
  sentAt: string | null;
  sentBy: string | null;
  updatedAt: string;
  hlc: string;
};

export type EstimateDecisionTable = {
  id: string;
  estimateId: string;
  ticketId: string;
  decision: 'approved' | 'declined';
  method: 'signature' | 'phone';
  /** Who decided: the customer or the person they sent. */
  customerName: string;
  recordedBy: string | null;
  decidedAt: string;
  /** Exactly what was decided on, and its SHA-256 (like the service form's signature). */
  estimateJson: string;
  estimateHash: string;
  /** With `signature`: JSON strokes of [x, y] points on a `width`×`height` pad. */
  strokes: string | null;
  width: number | null;
  height: number | null;
  note: string;
  hlc: string;
};

export type EstimateTables = { estimate: EstimateTable; estimateDecision: EstimateDecisionTable };
