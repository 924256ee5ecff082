/**
 * The spare-parts area's desk methods, one line per method; the handlers live with their jobs
 * (`catalogue/`, `ledger/`, `receiving/`, `requisitions/`, `stocktake/`, `reports/`).
 */
import { noInput } from '../fields';
import { areaMethods, method } from '../handler';
import {
  partListSchema,
  partGetSchema,
  partCreateSchema,
  partUpdateSchema,
  partStoreFieldsSchema,
  supplierSchema,
  supplierUpdateSchema,
  locationCreateSchema,
  locationListSchema,
  locationUpdateSchema,
} from './catalogue/contract';
import {
  partsList,
  partsGet,
  partsLookups,
  partsCreate,
  partsUpdate,
  partsUpdateStoreFields,
  partsSupplierCreate,
  partsSupplierUpdate,
  partsLocationCreate,
  partsLocations,
  partsLocationUpdate,
} from './catalogue/methods';
import { adjustSchema, transferSchema, reverseSchema, historySchema } from './ledger/contract';
import { partsAdjust, partsTransfer, partsReverse, partsHistory, partsRebuildOnHand } from './ledger/methods';
import {
  receiptListSchema,
  receiptGetSchema,
  receiptCreateSchema,
  receiptAddLineSchema,
  receiptInspectSchema,
  receiptCloseSchema,
  supplierReturnListSchema,
  supplierReturnCreateSchema,
} from './receiving/contract';
import {
  supplierReturnGetSchema,
  supplierReturnShipSchema,
  supplierReturnCreditSchema,
  supplierReturnCancelSchema,
} from './returns/contract';
import {
  partsReceipts,
  partsReceipt,
  partsReceiptCreate,
  partsReceiptAddLine,
  partsReceiptInspect,
  partsReceiptClose,
} from './receiving/methods';
import {
  partsSupplierReturns,
  partsSupplierReturn,
  partsSupplierReturnCreate,
  partsSupplierReturnShip,
  partsSupplierReturnCredit,
  partsSupplierReturnCancel,
} from './returns/methods';
import { clearanceStartSchema, clearanceEndSchema } from './clearance/contract';
import { partsClearanceStart, partsClearanceEnd } from './clearance/methods';
import {
  requisitionListSchema,
  requisitionGetSchema,
  ticketLookupSchema,
  requisitionCreateSchema,
  requisitionApproveSchema,
  requisitionRejectSchema,
  requisitionCancelSchema,
  requisitionIssueSchema,
  requisitionReturnSchema,
  ticketPartsSchema,
} from './requisitions/contract';
import {
  partsRequisitions,
  partsRequisition,
  partsTicketLookup,
  partsRequisitionCreate,
  partsRequisitionApprove,
  partsRequisitionReject,
  partsRequisitionCancel,
  partsRequisitionIssue,
  partsRequisitionReturn,
  partsForTicket,
} from './requisitions/methods';
import {
  stocktakeListSchema,
  stocktakeGetSchema,
  stocktakeStartSchema,
  stocktakeCountSchema,
  stocktakeScanSchema,
  stocktakePostSchema,
  stocktakeCancelSchema,
} from './stocktake/contract';
import {
  partsStocktakes,
  partsStocktake,
  partsStocktakeStart,
  partsStocktakeCount,
  partsStocktakeScan,
  partsStocktakePost,
  partsStocktakeCancel,
} from './stocktake/methods';
import { slowMovingSchema } from './reports/contract';
import { partsReorderList, partsSlowMoving, partsNegativeStock, partsAlerts } from './reports/methods';
import { partsJoinOffers } from './join/methods';

// prettier-ignore
export const partsMethods = areaMethods('parts', {
  /** Find parts by number, name, specification or model, with on-hand over all locations. */
  'parts.list': method(partListSchema, { access: 'parts.read', mutates: false }, partsList),
  /** One part: catalogue data, suppliers and stock per location. */
  'parts.get': method(partGetSchema, { access: 'parts.read', mutates: false }, partsGet),
  /** Locations, suppliers and who owns the catalogue: what the parts forms need. */
  'parts.lookups': method(noInput, { access: 'parts.read', mutates: false }, partsLookups),
  /** Add a part to the catalogue (the store's admin, until head office owns the catalogue). */
  'parts.create': method(partCreateSchema, { access: 'parts.catalogue', mutates: true }, partsCreate),
  /** Change a part's catalogue data and prices, or retire it. */
  'parts.update': method(partUpdateSchema, { access: 'parts.catalogue', mutates: true }, partsUpdate),
  /** The store's own settings of a part: bin, reorder level and quantity (the parts lead). */
  'parts.updateStoreFields': method(partStoreFieldsSchema, { access: 'parts.approve', mutates: true }, partsUpdateStoreFields),
  'parts.supplierCreate': method(supplierSchema, { access: 'parts.catalogue', mutates: true }, partsSupplierCreate),
  'parts.supplierUpdate': method(supplierUpdateSchema, { access: 'parts.catalogue', mutates: true }, partsSupplierUpdate),
  /** A new place stock sits in: a second store room, a repair van. */
  'parts.locationCreate': method(locationCreateSchema, { access: 'parts.approve', mutates: true }, partsLocationCreate),
  /** Locations with what they hold; retired ones only when asked for. */
  'parts.locations': method(locationListSchema, { access: 'parts.read', mutates: false }, partsLocations),
  /** Rename a location, retire it (empty, not MAIN) or bring it back. */
  'parts.locationUpdate': method(locationUpdateSchema, { access: 'parts.approve', mutates: true }, partsLocationUpdate),
  /** A counted difference or damage outside a stocktake: stock in or out with a reason (the parts lead). */
  'parts.adjust': method(adjustSchema, { access: 'parts.approve', mutates: true }, partsAdjust),
  /** Move stock between locations: one movement out, one in, same document. */
  'parts.transfer': method(transferSchema, { access: 'parts.issue', mutates: true }, partsTransfer),
  /** Undo a mistaken movement with an opposite one; the original stays in the ledger. */
  'parts.reverse': method(reverseSchema, { access: 'parts.approve', mutates: true }, partsReverse),
  /** A part's movements, newest first, with the running on-hand. */
  'parts.history': method(historySchema, { access: 'parts.read', mutates: false }, partsHistory),
  /** Recompute the cached on-hand from the ledger and say what was wrong. */
  'parts.rebuildOnHand': method(noInput, { access: 'parts.approve', mutates: true }, partsRebuildOnHand),
  'parts.receipts': method(receiptListSchema, { access: 'parts.read', mutates: false }, partsReceipts),
  'parts.receipt': method(receiptGetSchema, { access: 'parts.read', mutates: false }, partsReceipt),
  /** Record a delivery: supplier, delivery note, lines; inspection may be entered now or later. */
  'parts.receiptCreate': method(receiptCreateSchema, { access: 'parts.receive', mutates: true }, partsReceiptCreate),
  /** One more line on an open receipt (a box found later in the same delivery). */
  'parts.receiptAddLine': method(receiptAddLineSchema, { access: 'parts.receive', mutates: true }, partsReceiptAddLine),
  /** Inspect one line: accepted and rejected quantities, and why units were rejected. */
  'parts.receiptInspect': method(receiptInspectSchema, { access: 'parts.receive', mutates: true }, partsReceiptInspect),
  /** Close the receipt: accepted units enter stock, rejected ones go on a return-to-supplier document. */
  'parts.receiptClose': method(receiptCloseSchema, { access: 'parts.receive', mutates: true }, partsReceiptClose),
  'parts.supplierReturns': method(supplierReturnListSchema, { access: 'parts.read', mutates: false }, partsSupplierReturns),
  'parts.supplierReturn': method(supplierReturnGetSchema, { access: 'parts.read', mutates: false }, partsSupplierReturn),
  /** Send stock back to its supplier (slow stock by agreement, a faulty batch found later): it leaves the ledger. */
  'parts.supplierReturnCreate': method(supplierReturnCreateSchema, { access: 'parts.approve', mutates: true }, partsSupplierReturnCreate),
  /** The return leaves the store: date, carrier, waybill (who packs it at the dock). */
  'parts.supplierReturnShip': method(supplierReturnShipSchema, { access: 'parts.receive', mutates: true }, partsSupplierReturnShip),
  /** The supplier's credit note for a shipped return: its number and amount (the parts lead). */
  'parts.supplierReturnCredit': method(supplierReturnCreditSchema, { access: 'parts.approve', mutates: true }, partsSupplierReturnCredit),
  /** Withdraw a return before it ships: stock it took off the shelf goes back through the ledger. */
  'parts.supplierReturnCancel': method(supplierReturnCancelSchema, { access: 'parts.approve', mutates: true }, partsSupplierReturnCancel),
  /** Sell a part's stock at a reduced price until it is gone or ended by hand: what a job is charged when the part is issued. */
  'parts.clearanceStart': method(clearanceStartSchema, { access: 'parts.clearance', mutates: true }, partsClearanceStart),
  /** End a part's clearance by hand: parts issued from now on are charged the catalogue price. */
  'parts.clearanceEnd': method(clearanceEndSchema, { access: 'parts.clearance', mutates: true }, partsClearanceEnd),
  'parts.requisitions': method(requisitionListSchema, { access: 'parts.read', mutates: false }, partsRequisitions),
  'parts.requisition': method(requisitionGetSchema, { access: 'parts.read', mutates: false }, partsRequisition),
  /** Find the repair ticket a requisition is for, by its number. */
  'parts.ticketLookup': method(ticketLookupSchema, { access: 'parts.request', mutates: false }, partsTicketLookup),
  /** A technician fills in the form for a repair ticket. */
  'parts.requisitionCreate': method(requisitionCreateSchema, { access: 'parts.request', mutates: true }, partsRequisitionCreate),
  /** The parts lead signs: approves, line by line up to what was requested. */
  'parts.requisitionApprove': method(requisitionApproveSchema, { access: 'parts.approve', mutates: true }, partsRequisitionApprove),
  /** The parts lead refuses, saying why. */
  'parts.requisitionReject': method(requisitionRejectSchema, { access: 'parts.approve', mutates: true }, partsRequisitionReject),
  /**
   * Withdraw a requisition nothing was issued on yet. Any parts reader reaches the handler, which
   * lets only the technician who requested it, or the parts lead (and admin), go on.
   */
  'parts.requisitionCancel': method(requisitionCancelSchema, { access: 'parts.read', mutates: true }, partsRequisitionCancel),
  /** A clerk hands out approved parts; partial issue allowed, never more than approved. */
  'parts.requisitionIssue': method(requisitionIssueSchema, { access: 'parts.issue', mutates: true }, partsRequisitionIssue),
  /** Unused parts come back against the same requisition. */
  'parts.requisitionReturn': method(requisitionReturnSchema, { access: 'parts.issue', mutates: true }, partsRequisitionReturn),
  /** The ticket's parts list: issued minus returned per part. */
  'parts.forTicket': method(ticketPartsSchema, { access: 'parts.read', mutates: false }, partsForTicket),
  'parts.stocktakes': method(stocktakeListSchema, { access: 'parts.read', mutates: false }, partsStocktakes),
  'parts.stocktake': method(stocktakeGetSchema, { access: 'parts.read', mutates: false }, partsStocktake),
  /** Start counting: takes the ledger cut and makes the count sheet. */
  'parts.stocktakeStart': method(stocktakeStartSchema, { access: 'parts.count', mutates: true }, partsStocktakeStart),
  /** Enter the counted quantity of one line. */
  'parts.stocktakeCount': method(stocktakeCountSchema, { access: 'parts.count', mutates: true }, partsStocktakeCount),
  /** Scan (or type) a part number: one more unit of it counted. */
  'parts.stocktakeScan': method(stocktakeScanSchema, { access: 'parts.count', mutates: true }, partsStocktakeScan),
  /** The parts lead approves: each variance becomes an adjustment with its reason. */
  'parts.stocktakePost': method(stocktakePostSchema, { access: 'parts.approve', mutates: true }, partsStocktakePost),
  'parts.stocktakeCancel': method(stocktakeCancelSchema, { access: 'parts.approve', mutates: true }, partsStocktakeCancel),
  /** Parts at or below their reorder level, with a suggested purchase quantity per part. */
  'parts.reorderList': method(noInput, { access: 'parts.reports', mutates: false }, partsReorderList),
  /** Parts with stock and no issue in N days, with the value tied up in them. */
  'parts.slowMoving': method(slowMovingSchema, { access: 'parts.reports', mutates: false }, partsSlowMoving),
  /** Stock below zero, per location: flagged for the parts lead, never blocking the counter. */
  'parts.negativeStock': method(noInput, { access: 'parts.read', mutates: false }, partsNegativeStock),
  /** The counts behind the parts page's badges. */
  'parts.alerts': method(noInput, { access: 'parts.read', mutates: false }, partsAlerts),
  /** What this store offered head office when it joined, with head office's decisions (the Sync page). */
  'parts.joinOffers': method(noInput, { access: 'signedIn', mutates: false }, partsJoinOffers),
});
