/**
 * The part catalogue and prices from a CSV file (head office's spreadsheet): one part per line,
 * `part_no,name,spec,unit,cost_fen,price_fen` with a header line. New part numbers are added,
 * known ones updated (changed fields only). Any bad line stops the import before anything is
 * written, naming the line and the problem.
 */
import { newId } from '../../db/ids';
import type { Hlc } from '../../db/sync/hlc';
import { HqError } from '../auth';
import type { HqDatabase } from '../db/open';
import { writeAsHq, type HqWrite } from './ops';

const COLUMNS = ['part_no', 'name', 'spec', 'unit', 'cost_fen', 'price_fen'] as const;

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

type CatalogueLine = { partNo: string; name: string; spec: string; unit: string; costFen: number; priceFen: number };

function readLines(text: string): CatalogueLine[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  const missing = COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0)
    throw new HqError(
      400,
      'bad_request',
      `The CSV header must have ${COLUMNS.join(',')}; missing: ${missing.join(', ')}`,
    );
  const seen = new Set<string>();
  return rows.map((row, n) => {
    const line = n + 2;
    const cell = (c: (typeof COLUMNS)[number]) => (row[index[c]] ?? '').trim();
    const money = (c: 'cost_fen' | 'price_fen') => {
      const value = Number(cell(c));
      if (!/^\d+$/.test(cell(c)) || !Number.isSafeInteger(value))
        throw new HqError(
          400,
          'bad_request',
          `Line ${line}: ${c} must be a whole number of fen (分), not "${cell(c)}"`,
        );
      return value;
    };
    const partNo = cell('part_no');
    if (!partNo) throw new HqError(400, 'bad_request', `Line ${line}: part_no is empty`);
    if (seen.has(partNo)) throw new HqError(400, 'bad_request', `Line ${line}: part ${partNo} appears twice`);
    seen.add(partNo);
    if (!cell('name')) throw new HqError(400, 'bad_request', `Line ${line}: name is empty`);
    return {
      partNo,
      name: cell('name'),
      spec: cell('spec'),
      unit: cell('unit') || '个',
      costFen: money('cost_fen'),
      priceFen: money('price_fen'),
    };
  });
}

export async function importCatalogue(
  db: HqDatabase,
  hqClock: Hlc,
  csv: string,
  nowMs = Date.now(),
): Promise<{ added: number; updated: number; unchanged: number }> {
  const lines = readLines(csv);
  const existing = await db
    .selectFrom('entityState')
    .select(['entityId', 'state'])
    .where('entity', '=', 'part')
    .execute();
  const byNo = new Map(existing.map((r) => [String(r.state.fields.partNo), r]));
  const writes: HqWrite[] = [];
  let added = 0;
  let updated = 0;
  const nowIso = new Date(nowMs).toISOString();
  for (const line of lines) {
    const known = byNo.get(line.partNo);
    if (!known) {
      added += 1;
      writes.push({
        entity: 'part',
        entityId: newId(),
        op: 'insert',
        fields: { ...line, models: '[]', supplierIds: '[]', retiredAt: null, createdAt: nowIso, updatedAt: nowIso },
      });
      continue;
    }
    const changed = Object.fromEntries(Object.entries(line).filter(([k, v]) => known.state.fields[k] !== v));
    if (Object.keys(changed).length === 0) continue;
    updated += 1;
    writes.push({ entity: 'part', entityId: known.entityId, op: 'update', fields: { ...changed, updatedAt: nowIso } });
  }
  if (writes.length > 0) await writeAsHq(db, hqClock, writes, nowMs);
  return { added, updated, unchanged: lines.length - added - updated };
}
