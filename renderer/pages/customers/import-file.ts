/**
 * Reads an import file in the page: CSV (UTF-8, or GBK as Excel in China saves it) with papaparse,
 * XLSX (first sheet) with read-excel-file. The first row names the columns. Nothing is sent yet:
 * the counter maps the columns first.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/browser';

export type ImportTable = { fileName: string; headers: string[]; rows: string[][] };

/** Files larger than this are a head-office job, not a counter's. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

export async function readImportFile(file: File): Promise<ImportTable> {
  if (file.size > MAX_IMPORT_FILE_BYTES) throw new Error('file_too_large');
  let table: string[][];
  if (/\.xlsx$/i.test(file.name)) {
    const sheet = await readSheet(file);
    table = sheet.map((row) => row.map(cellText));
  } else {
    const parsed = Papa.parse<string[]>(decode(await file.arrayBuffer()), { skipEmptyLines: 'greedy' });
    table = parsed.data.map((row) => row.map(cellText));
  }
  const [headers = [], ...rows] = table;
  return { fileName: file.name, headers, rows: rows.filter((row) => row.some((cell) => cell !== '')) };
}

/** Column titles a file from a POS or a spreadsheet is likely to use, per field. */
const TITLES: Record<string, ReadonlyArray<string>> = {
  name: ['name', 'customer', '姓名', '顾客姓名', '客户姓名', '客户名称'],
  phone: ['phone', 'mobile', 'tel', '电话', '手机', '手机号', '联系电话', '顾客电话'],
  phone2: ['phone2', 'landline', '电话2', '座机', '固定电话', '备用电话'],
  address: ['address', '地址', '住址', '联系地址'],
  tier: ['tier', 'level', '等级', '会员等级', '客户等级'],
  notes: ['notes', 'remark', '备注'],
  category: ['category', '类别', '品类', '商品类别'],
  brand: ['brand', '品牌'],
  model: ['model', '型号'],
  serial: ['serial', 'sn', 'serial no', '序列号', '机身号', '条码'],
  purchaseDate: ['purchase date', 'date', '购买日期', '日期'],
  purchaseStore: ['store', '购买门店', '门店'],
  receiptNo: ['receipt', 'receipt no', 'invoice', '小票号', '发票号', '票据号'],
  price: ['price', 'amount', '价格', '金额', '售价'],
};

/** The column each field most likely sits in, by its title; -1 when none fits. */
export function guessMapping(headers: ReadonlyArray<string>, fields: ReadonlyArray<string>): Record<string, number> {
  const normal = headers.map((h) => h.trim().toLowerCase());
  const mapping: Record<string, number> = {};
  for (const field of fields)
    mapping[field] = normal.findIndex((h) => h === field.toLowerCase() || (TITLES[field] ?? []).includes(h));
  return mapping;
}
