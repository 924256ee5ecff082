/**
 * A catalogue import, dry run then apply. The dry run reads the file against head office's
 * catalogue and says, line by line, what would be added, what would change (field by field) and
 * what is already so, and every bad line with its problem; it writes nothing and answers a token:
 * the hash of the file and of the catalogue's version. Applying sends the same file with that token
 * and runs the same plan inside the write's transaction (after the feed lock): if the catalogue or
 * the file changed since the dry run it is refused, so what was reviewed is what is written; any
 * bad line refuses the whole file. All or nothing, one feed transaction, one audit row.
 */
import { createHash } from 'node:crypto';
import { newId } from '../../../db/ids';
import type { HqWrite } from '../../admin/ops';
import { HqError } from '../../auth';
import type { HqDatabase } from '../../db/open';
import type {
  DryRun,
  FieldChange,
  ImportFile,
  ImportLine,
  ImportProblem,
  ImportResult,
  PartView,
} from '../contract/catalogue';
import type { CataloguePlan } from './commit';
import { readSheetRows } from './import-file';
import { mapColumns, readRows, type ImportRow } from './import-lines';
import { catalogueVersion, loadRecords, toPartView } from './records';
import { activeSuppliersByName, supplierKey } from './suppliers';

type Reader = Pick<HqDatabase, 'selectFrom'>;

type Planned = Omit<DryRun, 'token'> & {
  writes: HqWrite[];
  audit: { before: Record<string, object>; after: Record<string, object> };
};

const COMPARED = ['name', 'spec', 'unit', 'models', 'costFen', 'priceFen', 'supplierIds'] as const;
type Compared = (typeof COMPARED)[number];

function fileBytes(file: ImportFile): Buffer {
  return Buffer.from(file.contentBase64, 'base64');
}

function tokenOf(bytes: Buffer, version: string): string {
  return createHash('sha256').update(bytes).update(`\n${version}`).digest('hex');
}

/** What a line sets, in the part's own terms (supplier names become ids). */
function resolve(row: ImportRow, suppliers: Map<string, { id: string }>, problems: ImportProblem[]) {
  const { suppliers: names, ...rest } = row.values;
  const values: Partial<Record<Compared, string | number | string[]>> = { ...rest };
  if (names) {
    const ids = names.map((name) => {
      const found = suppliers.get(supplierKey(name));
      if (!found)
        problems.push({
          line: row.line,
          code: 'unknown_supplier',
          params: { name },
          message: `No active supplier named "${name}"`,
        });
      return found?.id ?? '';
    });
    values.supplierIds = ids;
  }
  return values;
}

const shown = (field: Compared, value: unknown, names: Map<string, string>): string | number | null => {
  if (value === null || value === undefined) return null;
  if (field === 'supplierIds') return (value as string[]).map((id) => names.get(id) ?? id).join('; ');
  if (field === 'models') return (value as string[]).join('; ');
  return value as string | number;
};

const stored = (field: Compared, value: unknown) =>
  field === 'models' || field === 'supplierIds' ? JSON.stringify(value) : value;

async function plan(db: Reader, file: ImportFile, nowIso: string): Promise<Planned & { version: string }> {
  const bytes = fileBytes(file);
  const sheet = await readSheetRows(file.fileName, bytes);
  const { map, problems } = mapColumns(sheet.header);
  const [partRecords, suppliers, version] = await Promise.all([
    loadRecords(db, 'part'),
    activeSuppliersByName(db),
    catalogueVersion(db),
  ]);
  const read = problems.length ? { rows: [], problems: [] } : readRows(sheet, map);
  problems.push(...read.problems);
  const parts = new Map(partRecords.map((r) => [toPartView(r).partNo, toPartView(r)]));
  const supplierNames = new Map((await loadRecords(db, 'supplier')).map((r) => [r.id, String(r.fields.name)]));
  const lines: ImportLine[] = [];
  const writes: HqWrite[] = [];
  const audit = { before: {} as Record<string, object>, after: {} as Record<string, object> };
  let unchanged = 0;
  for (const row of read.rows) {
    const before = problems.length;
    const values = resolve(row, suppliers, problems);
    const known: PartView | undefined = parts.get(row.partNo);
    if (!known) {
      for (const field of ['name', 'costFen', 'priceFen'] as const)
        if (values[field] === undefined)
          problems.push({
            line: row.line,
            code: 'new_part_needs',
            params: { field },
            message: `A new part needs ${field}`,
          });
      if (problems.length > before) continue;
      const fields = { partNo: row.partNo, spec: '', unit: '个', models: [], supplierIds: [], ...values };
      const shownFields = Object.fromEntries(
        COMPARED.map((f) => [f, shown(f, fields[f], supplierNames) ?? '']),
      ) as Record<string, string | number>;
      lines.push({ line: row.line, partNo: row.partNo, kind: 'add', fields: shownFields });
      audit.after[row.partNo] = fields;
      writes.push({
        entity: 'part',
        entityId: newId(),
        op: 'insert',
        fields: {
          ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, stored(k as Compared, v)])),
          retiredAt: null,
          createdAt: nowIso,
          updatedAt: nowIso,
        },
      });
      continue;
    }
    if (problems.length > before) continue;
    const changes: FieldChange[] = [];
    const patch: Record<string, unknown> = {};
    for (const field of COMPARED) {
      const value = values[field];
      if (value === undefined || stored(field, value) === stored(field, known[field])) continue;
      changes.push({
        field,
        before: shown(field, known[field], supplierNames),
        after: shown(field, value, supplierNames),
      });
      patch[field] = stored(field, value);
    }
    // A retired part in the sheet is back in the catalogue.
    if (known.retiredAt !== null) {
      changes.push({ field: 'retiredAt', before: known.retiredAt, after: null });
      patch.retiredAt = null;
    }
    if (changes.length === 0) {
      unchanged += 1;
      continue;
    }
    lines.push({ line: row.line, partNo: row.partNo, kind: 'change', changes });
    audit.before[row.partNo] = Object.fromEntries(changes.map((c) => [c.field, c.before]));
    audit.after[row.partNo] = Object.fromEntries(changes.map((c) => [c.field, c.after]));
    writes.push({ entity: 'part', entityId: known.id, op: 'update', fields: { ...patch, updatedAt: nowIso } });
  }
  problems.sort((a, b) => a.line - b.line);
  const added = lines.filter((l) => l.kind === 'add').length;
  return {
    fileName: file.fileName,
    rows: sheet.rows.length,
    columns: map.fields,
    added,
    changed: lines.length - added,
    unchanged,
    lines,
    problems,
    writes,
    audit,
    version,
  };
}

/** The audit entry names each part's before and after, up to a bound that keeps the entry readable. */
export const AUDITED_PARTS = 500;

function auditedParts(parts: Record<string, object>): { parts: Record<string, object>; more?: number } {
  const entries = Object.entries(parts);
  if (entries.length <= AUDITED_PARTS) return { parts };
  return { parts: Object.fromEntries(entries.slice(0, AUDITED_PARTS)), more: entries.length - AUDITED_PARTS };
}

export async function dryRunImport(db: Reader, file: ImportFile, nowIso: string): Promise<DryRun> {
  const { writes: _writes, audit: _audit, version, ...dryRun } = await plan(db, file, nowIso);
  return { ...dryRun, token: tokenOf(fileBytes(file), version) };
}

export async function planImportApply(
  db: Reader,
  file: ImportFile & { token: string },
  nowIso: string,
): Promise<CataloguePlan<ImportResult>> {
  const planned = await plan(db, file, nowIso);
  if (planned.problems.length > 0) {
    const first = planned.problems[0]!;
    throw new HqError(
      400,
      'import_has_problems',
      `Nothing was imported: ${planned.problems.length} problem(s), the first on line ${first.line}: ${first.message}`,
    );
  }
  if (tokenOf(fileBytes(file), planned.version) !== file.token)
    throw new HqError(
      409,
      'stale_dry_run',
      'The catalogue or the file changed since the dry run: run the dry run again',
    );
  const result = { added: planned.added, changed: planned.changed, unchanged: planned.unchanged };
  return {
    writes: planned.writes,
    audit: {
      action: 'part.import',
      target: file.fileName,
      before: auditedParts(planned.audit.before),
      after: { ...result, ...auditedParts(planned.audit.after) },
    },
    result,
  };
}
