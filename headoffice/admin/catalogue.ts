/**
 * `import-catalogue FILE`: the part catalogue and prices from a CSV or XLSX file (head office's
 * spreadsheet), the same import as the console's (headoffice/console/catalogue/import-plan.ts):
 * columns such as `part_no,name,spec,unit,cost_fen,price_fen` (or 配件编号, 名称, 售价 in yuan …).
 * New part numbers are added, known ones updated (changed fields only). Any bad line stops the
 * import before anything is written, naming each line and its problem.
 */
import { basename } from 'node:path';
import type { Hlc } from '../../db/sync/hlc';
import { HqError } from '../auth';
import type { HqDatabase } from '../db/open';
import { commitCatalogue } from '../console/catalogue/commit';
import { dryRunImport, planImportApply } from '../console/catalogue/import-plan';
import type { ImportResult } from '../console/contract/catalogue';

export async function importCatalogue(
  db: HqDatabase,
  hqClock: Hlc,
  path: string,
  bytes: Buffer,
  nowMs = Date.now(),
): Promise<ImportResult> {
  const file = { fileName: basename(path), contentBase64: bytes.toString('base64') };
  const dryRun = await dryRunImport(db, file, new Date(nowMs).toISOString());
  if (dryRun.problems.length > 0)
    throw new HqError(
      400,
      'import_has_problems',
      `Nothing was imported:\n${dryRun.problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}`,
    );
  // Audited like a console import, as the server's operator.
  return commitCatalogue({ db, hqClock, now: () => nowMs }, null, (trx, nowIso) =>
    planImportApply(trx, { ...file, token: dryRun.token }, nowIso),
  );
}
