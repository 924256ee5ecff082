/**
 * What each printed form shows, as `print.<subject>` returns it and the print route renders it.
 * Labels and fixed texts come from the renderer's i18n; these are the record's own words and
 * figures. Times are UTC ISO strings (the page shows local time); money is integer fen.
 * No Node imports.
 */
import type { Takings } from '../charges/contract';
import type { ChargeSummary } from '../charges/summary';
import type { FormAcceptance, FormChange } from '../tickets/signed-changes';
import type { PurchaseOrderView } from '../parts/purchasing/contract';
import type { EstimateView } from '../tickets/estimates/contract';
import type { SupplierReturnView } from '../parts/receiving/contract';
import type { WarrantyView } from '../tickets/warranty-status';
import type { PeriodView } from '../training/contract';

/** The letterhead: every form is headed with the store and how to reach it. */
export type PrintStoreHeader = Readonly<{
  code: string;
  name: string;
  counterNo: number;
  phone: string;
  address: string;
}>;

export type PrintPerson = Readonly<{ name: string; at: string }>;

/** A part issued to the ticket through its requisitions, at the catalogue price. */
export type TicketPrintLine = Readonly<{
  partNo: string;
  description: string;
  qty: number;
  unit: string;
  unitFen: number;
  amountFen: number;
}>;

export type TicketPrintData = Readonly<{
  store: PrintStoreHeader;
  ticket: Readonly<{
    id: string;
    number: string;
    type: string;
    priority: string;
    status: string;
    summary: string;
    channel: string | null;
    createdAt: string;
    createdByName: string | null;
  }>;
  /** Phones and address are masked for roles without `customers.personal`, except on a technician's own on-site job (docs/DOMAIN.md §9). */
  customer: Readonly<{ name: string; phones: ReadonlyArray<string>; address: string; masked: boolean }>;
  /** Proof of purchase (购买凭证): what the customer showed at intake, else the registered product. */
  purchase: Readonly<{
    category: Readonly<{ zh: string; en: string }> | null;
    brand: string;
    model: string;
    serial: string;
    purchaseDate: string | null;
    purchaseStore: string;
    receiptNo: string;
    warrantyEnd: string | null;
  }>;
  /** Under warranty on the day the ticket was opened; null when no warranty end is known. */
  inWarranty: boolean | null;
  /** After-sales requests and repairs: the 三包 status as the ticket's page shows it (db/tickets/warranty-of-ticket.ts). */
  sanbao: WarrantyView | null;
  /** The intake form as the counter filled it, in its order: field name → text. */
  intake: ReadonlyArray<Readonly<{ key: string; value: string }>>;
  /** The after-sales plan (replace / repair / refund) and its details, once decided. */
  plan: Readonly<{ remedy: string; details: string }> | null;
  /** Parts issued to the ticket through requisitions, priced at the catalogue price. */
  lines: ReadonlyArray<TicketPrintLine>;
  partsTotalFen: number;
  technician: string | null;
  plannedDate: string | null;
  appointmentAt: string | null;
  /** What the customer was told: a promised reply, else the resolution deadline. */
  promisedAt: string | null;
  workDone: string;
  result: string;
  /** What the customer is charged and has paid: labour, parts, covered lines, discounts, payments, balance. */
  charges: ChargeSummary;
  /**
   * The customer's latest signature: strokes to redraw as SVG, and whether the form as it now
   * prints is still the one signed (db/tickets/signature-check.ts), with what changed since.
   */
  signature: Readonly<{
    signerName: string;
    signedAt: string;
    width: number;
    height: number;
    strokes: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
    matches: boolean;
    changes: ReadonlyArray<FormChange>;
    /** A lead recorded why the changed form stands (who, when, why); null if not (or it matches). */
    acceptance: FormAcceptance | null;
  }> | null;
  /** Head office's progress page the receipt points the customer to; null on a standalone PC. */
  progressUrl: string | null;
}>;

export type RequisitionPrintLine = Readonly<{
  position: number;
  partNo: string;
  name: string;
  spec: string;
  unit: string;
  bin: string;
  requestedQty: number;
  /** Null until the parts lead signs. */
  approvedQty: number | null;
  /** The lead's word on the line (null until signed) and why a reduced or rejected line got less. */
  decision: 'approved' | 'reduced' | 'rejected' | null;
  decisionReason: string;
  /** Issued less returned: what the technician holds. */
  issuedQty: number;
}>;

export type RequisitionPrintData = Readonly<{
  store: PrintStoreHeader;
  requisition: Readonly<{
    id: string;
    number: string;
    status: string;
    ticketNumber: string | null;
    location: string;
    note: string;
    rejectReason: string;
  }>;
  /** The three signatures the form carries: technician, parts lead, clerk who issued. */
  requestedBy: PrintPerson | null;
  decidedBy: PrintPerson | null;
  issuedBy: PrintPerson | null;
  lines: ReadonlyArray<RequisitionPrintLine>;
}>;

/** No book quantity: the count sheet is blind, so the count is not nudged towards the book. */
export type StocktakePrintLine = Readonly<{
  bin: string;
  partNo: string;
  name: string;
  spec: string;
  unit: string;
  countedQty: number | null;
}>;

export type StocktakePrintData = Readonly<{
  store: PrintStoreHeader;
  stocktake: Readonly<{
    id: string;
    number: string;
    status: string;
    location: string;
    binPrefix: string;
    note: string;
    startedBy: PrintPerson | null;
  }>;
  lines: ReadonlyArray<StocktakePrintLine>;
}>;

/** One version of a job's estimate (报价单), with what identifies the job. */
export type EstimatePrintData = Readonly<{
  store: PrintStoreHeader;
  ticket: Readonly<{ id: string; number: string; type: string; customerName: string; product: string; fault: string }>;
  estimate: EstimateView;
}>;

/** A part's label (配件标签), `count` of them: the barcode carries the part number. */
export type PartLabelPrintData = Readonly<{
  store: PrintStoreHeader;
  part: Readonly<{ id: string; partNo: string; name: string; spec: string; unit: string; bin: string }>;
  count: number;
}>;

/** One bin's label: its barcode carries `code` (location/bin); a few of the parts kept there, by number. */
export type BinLabel = Readonly<{
  bin: string;
  code: string;
  parts: ReadonlyArray<Readonly<{ partNo: string; name: string }>>;
  /** Parts on the bin beyond those listed. */
  moreParts: number;
}>;

/** Bin labels (货位标签) of one location: one bin, a shelf's bins or all of them. */
export type BinLabelPrintData = Readonly<{
  store: PrintStoreHeader;
  location: Readonly<{ id: string; code: string; name: string }>;
  /** The bin, shelf (`A-01*`) or `*` the labels were asked for. */
  bins: string;
  labels: ReadonlyArray<BinLabel>;
}>;

/**
 * The tag tied to a customer's goods taken in (送修物品标签), `count` of them. It travels through
 * the workshop, so it carries no more of the customer than the counter needs to match the goods
 * to the person collecting them: the surname and a masked phone (docs/DOMAIN.md §9).
 */
export type GoodsTagPrintData = Readonly<{
  store: PrintStoreHeader;
  ticket: Readonly<{ id: string; number: string; createdAt: string; product: string }>;
  customer: Readonly<{ surname: string; phone: string }>;
  count: number;
}>;

export type FormDataOf = {
  'service-form': TicketPrintData;
  'job-sheet': TicketPrintData;
  'intake-receipt': TicketPrintData;
  'payment-receipt': TicketPrintData;
  requisition: RequisitionPrintData;
  'stocktake-sheet': StocktakePrintData;
  'takings-handover': TakingsPrintData;
  estimate: EstimatePrintData;
  'supplier-return': SupplierReturnPrintData;
  'purchase-order': PurchaseOrderPrintData;
  'assessment-ranking': RankingPrintData;
  'part-label': PartLabelPrintData;
  'bin-label': BinLabelPrintData;
  'goods-tag': GoodsTagPrintData;
};

/** A return to supplier (退货单) under the store's letterhead, with who wrote, shipped and credited it. */
export type SupplierReturnPrintData = Readonly<{
  store: PrintStoreHeader;
  supplier: Readonly<{ name: string; contact: string; phone: string }>;
  supplierReturn: SupplierReturnView;
}>;

/** A purchase order as the supplier receives it: the store, the supplier, the lines at agreed prices, who approved. */
export type PurchaseOrderPrintData = Readonly<{ store: PrintStoreHeader; order: PurchaseOrderView }>;

/** A period's ranking as the printing lead or manager may read it (a lead's: their group only). */
export type RankingPrintData = PeriodView & { store: PrintStoreHeader; printedAt: string };

/** The hand-over sheet: the day's takings under the store's letterhead. */
export type TakingsPrintData = Takings & { store: PrintStoreHeader; number: string };

/** The number a form is filed under: the ticket's, the requisition's or the stocktake's. */
export function formNumber(form: keyof FormDataOf, data: FormDataOf[keyof FormDataOf]): string {
  if (form === 'requisition') return (data as RequisitionPrintData).requisition.number;
  if (form === 'stocktake-sheet') return (data as StocktakePrintData).stocktake.number;
  if (form === 'takings-handover') return (data as TakingsPrintData).number;
  if (form === 'estimate') return (data as EstimatePrintData).ticket.number;
  if (form === 'supplier-return') return (data as SupplierReturnPrintData).supplierReturn.number;
  if (form === 'purchase-order') return (data as PurchaseOrderPrintData).order.number;
  if (form === 'assessment-ranking') return (data as RankingPrintData).period.name;
  if (form === 'part-label') return (data as PartLabelPrintData).part.partNo;
  if (form === 'bin-label') {
    const bins = data as BinLabelPrintData;
    return `${bins.location.code} ${bins.bins}`;
  }
  if (form === 'goods-tag') return (data as GoodsTagPrintData).ticket.number;
  return (data as TicketPrintData).ticket.number;
}
