/**
 * A catalogue spreadsheet's cells: CSV (UTF-8, or GBK/GB18030 as Excel in China saves it) read with
 * papaparse, or XLSX (the first sheet) with read-excel-file. Numbers in an XLSX stay numbers so a
 * price is not re-read from its display text. The file is bounded before anything is parsed.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { HqError } from '../../auth';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../contract/catalogue';

export type Cell = string | number;
/** The header row and the data rows, each with its line number in the file (the header is line 1). */
export type SheetRows = { header: string[]; rows: Array<{ line: number; cells: Cell[] }> };

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

const isXlsx = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

export async function readSheetRows(fileName: string, bytes: Buffer): Promise<SheetRows> {
  if (bytes.length > IMPORT_MAX_BYTES) throw new HqError(413, 'file_too_large', 'The file is over 5 MB');
  if (bytes.length === 0) throw new HqError(400, 'file_empty', 'The file is empty');
  let table: Cell[][];
  if (/\.xlsx$/i.test(fileName)) {
    if (!isXlsx(bytes)) throw new HqError(400, 'file_unreadable', `${fileName} is not an XLSX workbook`);
    const sheet = await readSheet(bytes).catch(() => {
      throw new HqError(400, 'file_unreadable', `${fileName} could not be read as an XLSX workbook`);
    });
    table = sheet.map((row) => row.map(cellOf));
  } else {
    if (isXlsx(bytes)) throw new HqError(400, 'file_unreadable', `${fileName} is an XLSX workbook: name it .xlsx`);
    const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
    table = parsed.data.map((row) => row.map(cellOf));
  }
  const [header = [], ...data] = table;
  const rows = data
    .map((cells, index) => ({ line: index + 2, cells }))
    .filter((row) => row.cells.some((cell) => cell !== ''));
  if (header.every((cell) => cell === '')) throw new HqError(400, 'file_empty', 'The file has no header line');
  if (rows.length > IMPORT_MAX_ROWS)
    throw new HqError(
      413,
      'too_many_rows',
      `The file has ${rows.length} parts; at most ${IMPORT_MAX_ROWS.toLocaleString('en')} can be imported at once`,
    );
  return { header: header.map((cell) => String(cell).trim()), rows };
}
