/**
 * The printed forms (docs/DOMAIN.md §5 and §7) and the paper each may go on. Shared by the
 * renderer (print routes, settings page), the Electron print code and db/print. No Node imports.
 */
import type { Permission } from '../staff/roles';

export const PRINT_FORMS = [
  /** 维修服务单: the customer's copy, with the terms and the customer's signature. */
  'service-form',
  /** 派工单: the technician's copy of the same ticket, with room for the work done. */
  'job-sheet',
  /** 受理回执: the 80 mm slip the customer takes home at intake. */
  'intake-receipt',
  /** 收款凭条: the 80 mm slip of a ticket's charges, payments and balance due. */
  'payment-receipt',
  /** 配件领用单: signed by the technician, the parts lead and the clerk who issues. */
  'requisition',
  /** 盘点表: the sheet a clerk counts the shelves with. */
  'stocktake-sheet',
  /** 收款交班单: a day's takings per method, counter and staff, signed by who hands over and who receives. */
  'takings-handover',
  /** 报价单: one version of a job's estimate, for the customer to approve (signature box or the recorded approval). */
  'estimate',
  /** 退货单: a return to supplier with its lines, why, how it shipped and the credit; signed by who ships and the carrier. */
  'supplier-return',
  /** 采购单: an order to a supplier with the agreed prices, its approval and signature boxes. */
  'purchase-order',
  /** 考核排名表: a period's assessments ranked by weighted total, with the grade, for the bonus decision. */
  'assessment-ranking',
  /** 配件标签: a part's number as Code 128 with its name, spec and bin; one label per unit when receiving. */
  'part-label',
  /** 货位标签: a bin's location and code as Code 128, with the parts kept on it. */
  'bin-label',
  /** 送修物品标签: tied to the customer's goods taken in: ticket number as Code 128 and QR, surname, masked phone. */
  'goods-tag',
] as const;
export type PrintForm = (typeof PRINT_FORMS)[number];

export const PAPERS = ['A4', 'A5', 'receipt-80', 'label-50x30', 'label-40x30', 'A4-labels'] as const;
export type Paper = (typeof PAPERS)[number];

/** Which papers a form can go on; the first is the default. */
export const FORM_PAPERS: Readonly<Record<PrintForm, ReadonlyArray<Paper>>> = {
  'service-form': ['A4'],
  'job-sheet': ['A4'],
  'intake-receipt': ['receipt-80'],
  'payment-receipt': ['receipt-80'],
  requisition: ['A4', 'A5'],
  'stocktake-sheet': ['A4'],
  // A4, not 80 mm: it lists every entry of the day and carries two signatures, and it is filed;
  // thermal paper fades within months.
  'takings-handover': ['A4'],
  estimate: ['A4'],
  'supplier-return': ['A4'],
  'purchase-order': ['A4'],
  'assessment-ranking': ['A4'],
  'part-label': ['label-50x30', 'label-40x30', 'A4-labels'],
  'bin-label': ['label-50x30', 'label-40x30', 'A4-labels'],
  'goods-tag': ['label-50x30', 'label-40x30', 'A4-labels'],
};

/** The papers that carry labels (one label per page on a roll, a grid of them on an A4 sheet). */
export const LABEL_PAPERS: ReadonlyArray<Paper> = ['label-50x30', 'label-40x30', 'A4-labels'];

/**
 * What a form prints: a ticket, a requisition, a stocktake, a day's takings (its id is the date),
 * one version of an estimate, a return to supplier, a purchase order, an assessment period's
 * ranking, a part (its id may carry a label count, db/print/label-subjects.ts) or a bin (location
 * id and bin code).
 */
export type PrintSubject =
  | 'ticket'
  | 'requisition'
  | 'stocktake'
  | 'takings'
  | 'estimate'
  | 'supplier_return'
  | 'purchase_order'
  | 'assessment_period'
  | 'part'
  | 'bin';

export const FORM_SUBJECT: Readonly<Record<PrintForm, PrintSubject>> = {
  'service-form': 'ticket',
  'job-sheet': 'ticket',
  'intake-receipt': 'ticket',
  'payment-receipt': 'ticket',
  requisition: 'requisition',
  'stocktake-sheet': 'stocktake',
  'takings-handover': 'takings',
  estimate: 'estimate',
  'supplier-return': 'supplier_return',
  'purchase-order': 'purchase_order',
  'assessment-ranking': 'assessment_period',
  'part-label': 'part',
  'bin-label': 'bin',
  'goods-tag': 'ticket',
};

/**
 * Printing a form shows what reading its subject shows, so it needs the same permission (any one
 * of a list; the subject's data loader narrows further, e.g. a lead's ranking to their group).
 */
export const SUBJECT_PERMISSION: Readonly<Record<PrintSubject, Permission | ReadonlyArray<Permission>>> = {
  ticket: 'tickets.read',
  requisition: 'parts.read',
  stocktake: 'parts.read',
  takings: 'charges.take',
  estimate: 'tickets.read',
  supplier_return: 'parts.read',
  purchase_order: 'parts.read',
  assessment_period: ['training.manage', 'training.lead'],
  part: 'parts.read',
  bin: 'parts.read',
};

/** Paper sizes in millimetres; a receipt's height follows its content. */
export const PAPER_MM: Readonly<Record<Paper, { width: number; height: number | 'content' }>> = {
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  'receipt-80': { width: 80, height: 'content' },
  'label-50x30': { width: 50, height: 30 },
  'label-40x30': { width: 40, height: 30 },
  // A4 label stock: 3 × 8 labels of 70 × 37 mm, cut to the sheet's edges (296 of its 297 mm).
  'A4-labels': { width: 210, height: 297 },
};

/** Printable margins in millimetres: office printers need ~5 mm; thermal heads print edge to edge. */
export const PAPER_MARGIN_MM: Readonly<Record<Paper, number>> = {
  A4: 12,
  A5: 8,
  'receipt-80': 0,
  'label-50x30': 0,
  'label-40x30': 0,
  // The labels are pre-cut to the sheet's edges; each label keeps its own inner margin.
  'A4-labels': 0,
};

/** The A4 label sheet's grid: columns × rows of labels, each this size in millimetres. */
export const A4_LABEL_GRID = { columns: 3, rows: 8, widthMm: 70, heightMm: 37 } as const;

export function isLabelPaper(paper: Paper): boolean {
  return LABEL_PAPERS.includes(paper);
}

export function isPrintForm(value: string): value is PrintForm {
  return (PRINT_FORMS as ReadonlyArray<string>).includes(value);
}

export function defaultPaper(form: PrintForm): Paper {
  return FORM_PAPERS[form][0]!;
}

/** The paper a form goes on, given the setting (which may name a paper the form no longer allows). */
export function paperFor(form: PrintForm, chosen: Paper | null | undefined): Paper {
  return chosen && FORM_PAPERS[form].includes(chosen) ? chosen : defaultPaper(form);
}
