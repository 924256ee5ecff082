/**
 * The reorder list as an Excel file the parts lead sends to suppliers: one row per part, grouped
 * by supplier, with the columns the page shows (on hand, demand, on order), amounts in yuan. The rows are built here (plain data, testable); the browser
 * build of write-excel-file (already used for the customer export) writes the file.
 */
import writeXlsxFile from 'write-excel-file/browser';
import type { ReorderList } from '../../../db/api';

type Cell = string | number | null | { value: number; format: string };

/** Column titles in the UI language, in sheet order. */
export type ReorderHeaders = Readonly<{
  supplier: string;
  phone: string;
  partNo: string;
  name: string;
  spec: string;
  unit: string;
  onHand: string;
  demand: string;
  onOrder: string;
  level: string;
  suggested: string;
  unitCost: string;
  amount: string;
  total: string;
}>;

const YUAN = '#,##0.00';

export function reorderRows(list: ReorderList, headers: ReorderHeaders): Cell[][] {
  const head: Cell[] = [
    headers.supplier,
    headers.phone,
    headers.partNo,
    headers.name,
    headers.spec,
    headers.unit,
    headers.onHand,
    headers.demand,
    headers.onOrder,
    headers.level,
    headers.suggested,
    headers.unitCost,
    headers.amount,
  ];
  const rows: Cell[][] = list.items.map((line) => [
    line.supplierName ?? '',
    line.supplierPhone ?? '',
    line.partNo,
    line.name,
    line.spec,
    line.unit,
    line.onHand,
    line.demand,
    // Already ordered from the supplier and not yet received: the suggestion counts it.
    line.onOrder,
    line.reorderLevel,
    line.suggestedQty,
    // Fen become yuan only here, for people reading the sheet.
    { value: line.costFen / 100, format: YUAN },
    { value: line.amountFen / 100, format: YUAN },
  ]);
  const total: Cell[] = [
    headers.total,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    { value: list.totalFen / 100, format: YUAN },
  ];
  return [head, ...rows, total];
}

export function reorderFileName(asOf: string): string {
  return `reorder-${asOf.slice(0, 10)}.xlsx`;
}

export async function saveReorderXlsx(list: ReorderList, headers: ReorderHeaders): Promise<string> {
  const fileName = reorderFileName(list.asOf);
  const blob = await writeXlsxFile(reorderRows(list, headers)).toBlob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
