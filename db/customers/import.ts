/**
 * Importing customers or products: the dry run checks the mapped rows chunk by chunk and stages
 * them; the import writes every good staged row in one transaction and drops the staging, so a
 * cancel or an error leaves nothing half-imported. Staging is local working state, never synced.
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import { newId } from '../ids';
import type { DB } from '../schema';
import type { TxContext } from '../sync/change-log';
import type { BadRow, ImportCheckResult, ImportCommitResult, ImportKind } from './exchange-contract';
import { IMPORT_MAX_ROWS } from './exchange-contract';
import { checkRow, type CustomerImport, type ProductImport } from './import-rows';
import { insertProduct, listCategories } from './products';
import { customersWithPhones, insertCustomer } from './queries';

/** A batch nobody finished (the window closed mid-import) is dropped after a day. */
const STALE_BATCH_MS = 24 * 60 * 60 * 1000;

export async function beginImport(tx: TxContext, kind: ImportKind, fileName: string): Promise<string> {
  const stale = new Date(Date.parse(tx.nowIso) - STALE_BATCH_MS).toISOString();
  await tx.trx.deleteFrom('importBatch').where('createdAt', '<', stale).execute();
  const id = newId();
  await tx.trx
    .insertInto('importBatch')
    .values({ id, kind, fileName, staffId: tx.staffId, createdAt: tx.nowIso })
    .execute();
  return id;
}

async function batchKind(db: Kysely<DB>, batchId: string): Promise<ImportKind> {
  const batch = await db.selectFrom('importBatch').select('kind').where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new DeskFailure('not_found', 'import_gone');
  return batch.kind;
}

type Staged = {
  line: number;
  data: string;
  errorKey: string | null;
  errorField: string | null;
  dedupeKey: string | null;
};

export async function checkImportRows(
  tx: TxContext,
  batchId: string,
  rows: ReadonlyArray<{ line: number; values: Record<string, string> }>,
): Promise<ImportCheckResult> {
  const kind = await batchKind(tx.trx, batchId);
  const already = await tx.trx
    .selectFrom('importRow')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batchId', '=', batchId)
    .executeTakeFirstOrThrow();
  if (Number(already.n) + rows.length > IMPORT_MAX_ROWS) throw new DeskFailure('validation', 'import_too_many');
  const categories = kind === 'products' ? await categoryLookup(tx.trx) : new Map<string, string>();
  const staged: Staged[] = [];
  const seenInChunk = new Set<string>();
  for (const { line, values } of rows) {
    const checked = checkRow(kind, values);
    if (!checked.ok) {
      staged.push({ line, data: '{}', errorKey: checked.key, errorField: checked.field, dedupeKey: null });
      continue;
    }
    const problem =
      kind === 'customers'
        ? await customerProblem(tx.trx, batchId, checked.value as CustomerImport, seenInChunk)
        : await productProblem(tx.trx, checked.value as ProductImport, categories);
    if (problem) {
      staged.push({ line, data: '{}', errorKey: problem.key, errorField: problem.field, dedupeKey: null });
      continue;
    }
    const dedupeKey = kind === 'customers' ? (checked.value as CustomerImport).phones[0]!.number.digits : null;
    if (kind === 'customers')
      for (const p of (checked.value as CustomerImport).phones) seenInChunk.add(p.number.digits);
    const value =
      kind === 'products'
        ? {
            ...(checked.value as ProductImport),
            category: categories.get((checked.value as ProductImport).category.toLowerCase())!,
          }
        : checked.value;
    staged.push({ line, data: JSON.stringify(value), errorKey: null, errorField: null, dedupeKey });
  }
  // A line sent twice (a retried chunk) replaces its earlier check rather than failing the chunk.
  for (const row of staged) {
    await tx.trx
      .insertInto('importRow')
      .values({ batchId, ...row })
      .onConflict((oc) =>
        oc.columns(['batchId', 'line']).doUpdateSet({
          data: row.data,
          errorKey: row.errorKey,
          errorField: row.errorField,
          dedupeKey: row.dedupeKey,
        }),
      )
      .execute();
  }
  const bad: BadRow[] = staged
    .filter((r) => r.errorKey !== null)
    .map((r) => ({ line: r.line, key: r.errorKey!, field: r.errorField }));
  return { staged: staged.length - bad.length, bad };
}

async function customerProblem(
  db: Kysely<DB>,
  batchId: string,
  row: CustomerImport,
  seenInChunk: Set<string>,
): Promise<{ key: string; field: string } | null> {
  const digits = row.phones.map((p) => p.number.digits);
  if ((await customersWithPhones(db, digits)).length > 0) return { key: 'phone_taken', field: 'phone' };
  if (digits.some((d) => seenInChunk.has(d))) return { key: 'import_repeated', field: 'phone' };
  const earlier = await db
    .selectFrom('importRow')
    .select('line')
    .where('batchId', '=', batchId)
    .where('dedupeKey', 'in', digits)
    .limit(1)
    .executeTakeFirst();
  return earlier ? { key: 'import_repeated', field: 'phone' } : null;
}

async function productProblem(
  db: Kysely<DB>,
  row: ProductImport,
  categories: Map<string, string>,
): Promise<{ key: string; field: string } | null> {
  if (!categories.has(row.category.toLowerCase())) return { key: 'unknown_category', field: 'category' };
  const owners = await customersWithPhones(db, [row.phone.digits]);
  return owners.length === 1 ? null : { key: 'import_owner_unknown', field: 'phone' };
}

/** A category is written as its code, its Chinese name or its English name. */
async function categoryLookup(db: Kysely<DB>): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const c of await listCategories(db))
    for (const name of [c.code, c.nameZh, c.nameEn]) map.set(name.toLowerCase(), c.code);
  return map;
}

export async function commitImport(
  tx: TxContext,
  batchId: string,
  createdStoreId: string | null,
): Promise<ImportCommitResult> {
  const kind = await batchKind(tx.trx, batchId);
  const rows = await tx.trx
    .selectFrom('importRow')
    .select(['data', 'errorKey'])
    .where('batchId', '=', batchId)
    .orderBy('line')
    .execute();
  const good = rows.filter((r) => r.errorKey === null);
  if (good.length === 0) throw new DeskFailure('validation', 'import_empty');
  let imported = 0;
  let skipped = rows.length - good.length;
  for (const row of good) {
    if (kind === 'customers') {
      const customer = JSON.parse(row.data) as CustomerImport;
      // Registered at the counter since the dry run: skip rather than make a duplicate.
      if (
        (
          await customersWithPhones(
            tx.trx,
            customer.phones.map((p) => p.number.digits),
          )
        ).length > 0
      ) {
        skipped++;
        continue;
      }
      await insertCustomer(tx, customer, createdStoreId);
    } else {
      const product = JSON.parse(row.data) as ProductImport;
      const [owner] = await customersWithPhones(tx.trx, [product.phone.digits]);
      if (!owner) {
        skipped++;
        continue;
      }
      const { phone: _phone, price, ...fields } = product;
      await insertProduct(tx, { ...fields, customerId: owner, priceFen: price }, createdStoreId);
    }
    imported++;
  }
  await tx.trx.deleteFrom('importBatch').where('id', '=', batchId).execute();
  return { imported, skipped };
}

export async function cancelImport(db: Kysely<DB>, batchId: string): Promise<void> {
  await db.deleteFrom('importBatch').where('id', '=', batchId).execute();
}
