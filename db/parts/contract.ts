/**
 * The spare-parts area of the desk API (docs/DOMAIN.md §7), joined from its jobs: catalogue, ledger,
 * receiving, requisitions, stocktaking, reports: their schemas and result types. No Node
 * imports: the renderer imports this through db/api.ts.
 */
export * from './catalogue/contract';
export * from './ledger/contract';
export * from './receiving/contract';
export * from './returns/contract';
export * from './clearance/contract';
export * from './requisitions/contract';
export * from './stocktake/contract';
export * from './reports/contract';
export * from './join/contract';
export * from './purchasing/contract';
export { MAX_QTY, MAX_FEN, reasonSchema as partsReasonSchema } from './fields';
export {
  MOVEMENT_KINDS,
  DOC_TYPES,
  REQUISITION_STATUSES,
  type MovementKind,
  type DocType,
  type RequisitionStatus,
} from './tables';

/**
 * The ledger reason a join with head office writes on the stock it moves, followed by head office's
 * part. Stored as written (head office reads it too); the renderer shows it in the page's language.
 */
export const JOIN_REASON_PREFIX = "Join: now head office's part ";
