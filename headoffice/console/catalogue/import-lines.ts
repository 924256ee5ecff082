/**
 * What each line of a catalogue spreadsheet says, checked with the same rules as an edit in the
 * console (contract/catalogue.ts). Columns are found by their titles, Chinese or English; money is
 * in yuan (`price`, 售价) or in fen (`price_fen`, the admin CLI's format). Only the columns present
 * are read, and an empty cell leaves that field of a known part as it is, so a sheet of part
 * numbers and prices changes prices only. Every problem is collected with its line, none stops the
 * reading of the others.
 */
import type { z } from 'zod';
import type { ImportProblem } from '../contract/catalogue';
import { fenSchema, partNoSchema, requiredText, text } from '../contract/catalogue';
import type { Cell, SheetRows } from './import-file';

/** The fields a line may set; money already in fen, suppliers as names. */
export type LineValues = {
  name?: string;
  spec?: string;
  unit?: string;
  models?: string[];
  costFen?: number;
  priceFen?: number;
  suppliers?: string[];
};
export type ImportRow = { line: number; partNo: string; values: LineValues };

type Column = keyof LineValues | 'partNo';
type Reading = { field: Column; unit?: 'yuan' | 'fen' };

const TITLES: ReadonlyArray<[Reading, ReadonlyArray<string>]> = [
  [{ field: 'partNo' }, ['part_no', 'part no', 'partno', 'part number', '配件编号', '配件号', '编号']],
  [{ field: 'name' }, ['name', 'part name', '名称', '配件名称']],
  [{ field: 'spec' }, ['spec', 'specification', '规格', '规格型号']],
  [{ field: 'unit' }, ['unit', '单位']],
  [{ field: 'models' }, ['models', 'fits', '适用型号', '适用机型']],
  [{ field: 'costFen', unit: 'fen' }, ['cost_fen', '成本(分)', '成本（分）']],
  [{ field: 'costFen', unit: 'yuan' }, ['cost', 'cost_yuan', '成本', '成本价', '成本(元)', '成本（元）']],
  [{ field: 'priceFen', unit: 'fen' }, ['price_fen', '售价(分)', '售价（分）']],
  [{ field: 'priceFen', unit: 'yuan' }, ['price', 'price_yuan', '售价', '价格', '售价(元)', '售价（元）']],
  [{ field: 'suppliers' }, ['supplier', 'suppliers', '供应商']],
];

export const KNOWN_TITLES = TITLES.flatMap(([, titles]) => titles[0]!);

export type ColumnMap = { readings: Array<Reading | null>; fields: Column[] };

/** Which field each column fills; an unknown or repeated column is a problem of line 1. */
export function mapColumns(header: ReadonlyArray<string>): { map: ColumnMap; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const taken = new Set<Column>();
  const readings = header.map((title) => {
    if (title === '') return null;
    const reading = TITLES.find(([, titles]) => titles.includes(title.toLowerCase()))?.[0];
    if (!reading) {
      problems.push({
        line: 1,
        column: title,
        code: 'unknown_column',
        params: { known: KNOWN_TITLES.join(', ') },
        message: `Unknown column "${title}"; known: ${KNOWN_TITLES.join(', ')}`,
      });
      return null;
    }
    if (taken.has(reading.field))
      problems.push({
        line: 1,
        column: title,
        code: 'repeated_column',
        message: `Column "${title}" repeats a column already given`,
      });
    taken.add(reading.field);
    return reading;
  });
  if (!taken.has('partNo'))
    problems.push({
      line: 1,
      code: 'no_part_no_column',
      message: 'The header needs a part number column (part_no or 配件编号)',
    });
  return { map: { readings, fields: [...taken] }, problems };
}

/** Yuan with at most two decimals, as typed (12, 12.5, ¥1,299.00) or as an XLSX number. */
export function yuanToFen(cell: Cell): number | null {
  if (typeof cell === 'number') {
    const fen = Math.round(cell * 100);
    return Math.abs(fen - cell * 100) < 1e-6 && fen >= 0 ? fen : null;
  }
  const plain = cell
    .replace(/^[¥￥]\s*/, '')
    .replace(/元$/, '')
    .trim();
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return null;
  return Number(match[1]!.replaceAll(',', '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function fenOf(cell: Cell, unit: 'yuan' | 'fen'): number | null {
  if (unit === 'yuan') return yuanToFen(cell);
  const value = typeof cell === 'number' ? cell : /^\d+$/.test(cell) ? Number(cell) : NaN;
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

const splitList = (cell: string) =>
  cell
    .split(/[;；、|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The contract's zod issue as a problem code: the schemas are the edit form's, their messages English. */
function codeOf(issue: z.core.$ZodIssue): Pick<ImportProblem, 'code' | 'params'> {
  if (issue.code === 'too_big' && issue.origin === 'string')
    return { code: 'too_long', params: { max: Number(issue.maximum) } };
  if (issue.code === 'invalid_format') return { code: 'part_no_format' };
  if (issue.message === 'is required') return { code: 'required' };
  if (issue.code === 'custom') return { code: 'unstorable' };
  return { code: 'money_range' };
}

function check<T>(schema: z.ZodType<T>, value: unknown, line: number, column: string, problems: ImportProblem[]) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  problems.push({ line, column, ...codeOf(issue), message: `${column} ${issue.message}` });
  return undefined;
}

const SCHEMAS = { name: requiredText(60), spec: text(120), unit: requiredText(8), model: requiredText(40) };

export function readRows(sheet: SheetRows, map: ColumnMap): { rows: ImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of sheet.rows) {
    const before = problems.length;
    const values: LineValues = {};
    let partNo: string | undefined;
    map.readings.forEach((reading, index) => {
      const cell = cells[index] ?? '';
      if (!reading || cell === '') return;
      const column = sheet.header[index]!;
      const textCell = String(cell).trim();
      switch (reading.field) {
        case 'partNo':
          partNo = check(partNoSchema, textCell, line, column, problems);
          break;
        case 'costFen':
        case 'priceFen': {
          const fen = fenOf(cell, reading.unit!);
          if (fen === null)
            problems.push({
              line,
              column,
              code: reading.unit === 'yuan' ? 'money_yuan' : 'money_fen',
              params: { value: textCell },
              message: `${column} must be ${reading.unit === 'yuan' ? 'an amount in yuan with at most 2 decimals' : 'a whole number of fen'}, not "${textCell}"`,
            });
          else values[reading.field] = check(fenSchema, fen, line, column, problems);
          break;
        }
        case 'models':
          values.models = splitList(textCell).map((m) => check(SCHEMAS.model, m, line, column, problems) ?? m);
          if (values.models.length > 30)
            problems.push({ line, column, code: 'too_many_models', message: `${column} names more than 30 models` });
          break;
        case 'suppliers':
          values.suppliers = splitList(textCell);
          if (values.suppliers.length > 5)
            problems.push({
              line,
              column,
              code: 'too_many_suppliers',
              message: `${column} names more than 5 suppliers`,
            });
          break;
        default:
          values[reading.field] = check(SCHEMAS[reading.field], textCell, line, column, problems);
      }
    });
    if (partNo === undefined) {
      if (problems.length === before)
        problems.push({ line, code: 'empty_part_no', message: 'The part number is empty' });
      continue;
    }
    const first = seen.get(partNo);
    if (first !== undefined) {
      problems.push({
        line,
        code: 'repeated_part',
        params: { partNo, first },
        message: `Part ${partNo} is already on line ${first}`,
      });
      continue;
    }
    seen.set(partNo, line);
    if (problems.length === before) rows.push({ line, partNo, values });
  }
  return { rows, problems };
}
