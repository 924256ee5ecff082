/**
 * The catalogue import against a real PostgreSQL: a dry run says what would be added, changed
 * (field by field) and left alone, and every bad line with its problem, writing nothing; applying
 * the same file with its token writes all of it in one go, or nothing when a line is bad or the
 * catalogue moved since the dry run. CSV in UTF-8 and GBK, and XLSX.
 */
import { randomBytes } from 'node:crypto';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createHlc } from '../../../db/sync/hlc';
import { HQ_NODE } from '../../../db/sync/merge';
import { importCatalogue } from '../../../headoffice/admin/catalogue';
import { commitCatalogue } from '../../../headoffice/console/catalogue/commit';
import { dryRunImport, planImportApply } from '../../../headoffice/console/catalogue/import-plan';
import { listParts, planCreatePart } from '../../../headoffice/console/catalogue/parts';
import { planCreateSupplier } from '../../../headoffice/console/catalogue/suppliers';
import { partFieldsSchema, type DryRun } from '../../../headoffice/console/contract/catalogue';
import { connectHq, migrateHq, type HqDatabase } from '../../../headoffice/db/open';
import { dropDatabase, ensureDatabase } from '../../../headoffice/db/postgres';

const adminUrl = inject('pgAdminUrl');
const dbName = `hq_import_${randomBytes(4).toString('hex')}`;
let db: HqDatabase;
const hqClock = createHlc({ node: HQ_NODE });
const services = () => ({ db, hqClock, now: Date.now });
const lastAudit = () =>
  db
    .selectFrom('consoleAudit')
    .select(['username', 'action', 'target', 'before', 'after'])
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
const nowIso = () => new Date().toISOString();

const csvFile = (name: string, text: string) => ({
  fileName: name,
  contentBase64: Buffer.from(text).toString('base64'),
});

async function apply(file: { fileName: string; contentBase64: string }, token: string) {
  return commitCatalogue(services(), null, (trx, now) => planImportApply(trx, { ...file, token }, now));
}

const partCount = async () => (await listParts(db, { status: 'all' })).total;

beforeAll(async () => {
  await ensureDatabase(adminUrl, dbName);
  db = connectHq(adminUrl.replace(/\/postgres$/, `/${dbName}`));
  await migrateHq(db);
  const supplier = await commitCatalogue(services(), null, (trx, now) =>
    planCreateSupplier(trx, { name: 'Haier Parts', contact: '', phone: '' }, now),
  );
  for (const [partNo, priceFen] of [
    ['P-100', 1000],
    ['P-200', 2000],
  ] as const)
    await commitCatalogue(services(), null, (trx, now) =>
      planCreatePart(
        trx,
        partFieldsSchema.parse({
          partNo,
          name: `Part ${partNo}`,
          unit: '个',
          costFen: 500,
          priceFen,
          supplierIds: [supplier.id],
        }),
        now,
      ),
    );
});

afterAll(async () => {
  await db?.destroy();
  await dropDatabase(adminUrl, dbName).catch(() => {});
});

describe('dry run', () => {
  const mixed = [
    '配件编号,名称,单位,成本,售价,供应商',
    'P-100,Part P-100,个,5.00,12.50,Haier Parts', // price changes 1000 → 1250
    'P-200,Part P-200,个,5,20,Haier Parts', // unchanged
    'p-300,新配件,条,3.2,8,', // added (part number upper-cased)
    'P-400,,个,1,2,', // new part without a name
    'P-500,Bad price,个,1,12.345,', // three decimals
    'P-100,Again,个,1,2,', // repeated
    'P-600,Who,个,1,2,Nobody Ltd', // unknown supplier
    'bad no!,X,个,1,2,', // part number format
  ].join('\n');

  let dry: DryRun;
  it('lists added, changed field by field, unchanged, and every bad line; writes nothing', async () => {
    const before = await partCount();
    dry = await dryRunImport(db, csvFile('prices.csv', mixed), nowIso());
    expect(dry).toMatchObject({ rows: 8, added: 1, changed: 1, unchanged: 1 });
    expect(dry.lines).toEqual([
      { line: 2, partNo: 'P-100', kind: 'change', changes: [{ field: 'priceFen', before: 1000, after: 1250 }] },
      {
        line: 4,
        partNo: 'P-300',
        kind: 'add',
        fields: { name: '新配件', spec: '', unit: '条', models: '', costFen: 320, priceFen: 800, supplierIds: '' },
      },
    ]);
    expect(dry.problems.map((p) => p.code)).toEqual([
      'new_part_needs',
      'money_yuan',
      'repeated_part',
      'unknown_supplier',
      'part_no_format',
    ]);
    expect(dry.problems.map((p) => [p.line, p.message])).toEqual([
      [5, 'A new part needs name'],
      [6, '售价 must be an amount in yuan with at most 2 decimals, not "12.345"'],
      [7, 'Part P-100 is already on line 2'],
      [8, 'No active supplier named "Nobody Ltd"'],
      [9, expect.stringMatching(/^配件编号 must be 1–40 letters/)],
    ]);
    expect(await partCount()).toBe(before);
  });

  it('refuses to apply a file with bad lines, writing nothing', async () => {
    const before = await partCount();
    await expect(apply(csvFile('prices.csv', mixed), dry.token)).rejects.toMatchObject({
      status: 400,
      code: 'import_has_problems',
      message: expect.stringMatching(/^Nothing was imported: 5 problem\(s\), the first on line 5/),
    });
    expect(await partCount()).toBe(before);
  });

  it('an unknown column is named on line 1 and nothing else is read', async () => {
    const dryBad = await dryRunImport(db, csvFile('x.csv', 'part_no,colour\nP-1,red'), nowIso());
    expect(dryBad.problems).toMatchObject([
      { line: 1, column: 'colour', message: expect.stringMatching(/^Unknown column "colour"; known: part_no/) },
    ]);
    expect(dryBad.lines).toEqual([]);
  });
});

describe('apply', () => {
  it('writes every line of a clean file at once, with one audit entry naming each change', async () => {
    const file = csvFile('clean.csv', 'part_no,price_fen\nP-100,1300\nP-200,2000\n');
    const dry = await dryRunImport(db, file, nowIso());
    expect(dry).toMatchObject({ added: 0, changed: 1, unchanged: 1, problems: [] });
    expect(await apply(file, dry.token)).toEqual({ added: 0, changed: 1, unchanged: 1 });
    const p100 = (await listParts(db, { q: 'P-100' })).items[0]!;
    expect(p100).toMatchObject({ priceFen: 1300, costFen: 500, name: 'Part P-100' });
    expect(await lastAudit()).toEqual({
      username: '(admin CLI)',
      action: 'part.import',
      target: 'clean.csv',
      before: { parts: { 'P-100': { priceFen: 1000 } } },
      after: { added: 0, changed: 1, unchanged: 1, parts: { 'P-100': { priceFen: 1300 } } },
    });
  });

  it('refuses a token from before the catalogue changed, and a token of another file', async () => {
    const file = csvFile('late.csv', 'part_no,price_fen\nP-200,2100\n');
    const dry = await dryRunImport(db, file, nowIso());
    const other = csvFile('late.csv', 'part_no,price_fen\nP-200,9900\n');
    await expect(apply(other, dry.token)).rejects.toMatchObject({ status: 409, code: 'stale_dry_run' });
    await apply(
      csvFile('x.csv', 'part_no,price_fen\nP-100,1400\n'),
      (await dryRunImport(db, csvFile('x.csv', 'part_no,price_fen\nP-100,1400\n'), nowIso())).token,
    );
    await expect(apply(file, dry.token)).rejects.toMatchObject({ status: 409, code: 'stale_dry_run' });
    expect((await listParts(db, { q: 'P-200' })).items[0]!.priceFen).toBe(2000);
  });

  it('reads GBK CSV as Excel in China saves it', async () => {
    const text = '配件编号,名称,售价,成本\nG-1,皮带,9.9,3\n';
    const bytes = encodeGbk(text);
    const file = { fileName: 'gbk.csv', contentBase64: bytes.toString('base64') };
    const dry = await dryRunImport(db, file, nowIso());
    expect(dry.problems).toEqual([]);
    expect(dry.lines[0]).toMatchObject({
      partNo: 'G-1',
      kind: 'add',
      fields: { name: '皮带', priceFen: 990, costFen: 300 },
    });
  });

  it('imports an XLSX with numbers as numbers; bad cells are named by line', async () => {
    const data: SheetData = [
      [{ value: 'part_no' }, { value: 'name' }, { value: 'cost' }, { value: 'price' }, { value: 'models' }],
      [{ value: 'X-1' }, { value: '门封条' }, { value: 12.3 }, { value: 45.6 }, { value: 'BCD-215; BCD-220' }],
      [{ value: 'X-2' }, { value: '压缩机' }, { value: 300 }, { value: -1 }, null],
    ];
    const buffer = await writeXlsxFile(data).toBuffer();
    const file = { fileName: 'parts.xlsx', contentBase64: buffer.toString('base64') };
    const bad = await dryRunImport(db, file, nowIso());
    expect(bad.problems).toEqual([
      {
        line: 3,
        column: 'price',
        code: 'money_yuan',
        params: { value: '-1' },
        message: 'price must be an amount in yuan with at most 2 decimals, not "-1"',
      },
    ]);
    const good = {
      fileName: 'parts.xlsx',
      contentBase64: (await writeXlsxFile(data.slice(0, 2)).toBuffer()).toString('base64'),
    };
    const dry = await dryRunImport(db, good, nowIso());
    expect(dry.lines).toEqual([
      {
        line: 2,
        partNo: 'X-1',
        kind: 'add',
        fields: {
          name: '门封条',
          spec: '',
          unit: '个',
          models: 'BCD-215; BCD-220',
          costFen: 1230,
          priceFen: 4560,
          supplierIds: '',
        },
      },
    ]);
    expect(await apply(good, dry.token)).toEqual({ added: 1, changed: 0, unchanged: 0 });
    expect((await listParts(db, { q: 'X-1' })).items[0]).toMatchObject({
      models: ['BCD-215', 'BCD-220'],
      priceFen: 4560,
    });
  });

  it('refuses a file over 20,000 parts before reading a line', async () => {
    const lines = ['part_no,price_fen', ...Array.from({ length: 20_001 }, (_, i) => `Q-${i},1`)];
    await expect(dryRunImport(db, csvFile('big.csv', lines.join('\n')), nowIso())).rejects.toMatchObject({
      status: 413,
      code: 'too_many_rows',
    });
  });

  it('20,000 new parts: dry run and apply, timed', async () => {
    const lines = [
      'part_no,name,cost_fen,price_fen',
      ...Array.from({ length: 20_000 }, (_, i) => `BULK-${i},配件${i},${i},${i * 2}`),
    ];
    const file = csvFile('bulk.csv', lines.join('\n'));
    let t = performance.now();
    const dry = await dryRunImport(db, file, nowIso());
    const dryMs = performance.now() - t;
    expect(dry).toMatchObject({ added: 20_000, problems: [] });
    t = performance.now();
    expect(await apply(file, dry.token)).toMatchObject({ added: 20_000 });
    const applyMs = performance.now() - t;
    console.log(`20,000-part import: dry run ${dryMs.toFixed(0)} ms, apply ${applyMs.toFixed(0)} ms`);
    const entry = await lastAudit();
    expect(entry.after).toMatchObject({ added: 20_000, more: 19_500 });
    expect(Object.keys((entry.after as { parts: object }).parts)).toHaveLength(500);
    expect(await partCount()).toBeGreaterThanOrEqual(20_003);
    // The console's search over a catalogue of 20,000 parts: a page, and a search by name.
    await listParts(db, { page: 1, pageSize: 50 }); // warm the cache after the bulk write
    t = performance.now();
    const page = await listParts(db, { page: 200, pageSize: 50 });
    const pageMs = performance.now() - t;
    t = performance.now();
    const found = await listParts(db, { q: '配件1999' });
    const searchMs = performance.now() - t;
    expect(page.items).toHaveLength(50);
    expect(found.items.map((p) => p.partNo).sort()).toEqual(
      ['BULK-1999', ...Array.from({ length: 10 }, (_, i) => `BULK-1999${i}`)].sort(),
    );
    console.log(`20,000 parts: page 200 in ${pageMs.toFixed(0)} ms, search by name in ${searchMs.toFixed(0)} ms`);
  });

  it('the admin CLI imports through the same plan', async () => {
    const result = await importCatalogue(
      db,
      hqClock,
      '/tmp/cli.csv',
      Buffer.from('part_no,name,cost_fen,price_fen\nCLI-1,x,1,2\n'),
    );
    expect(result).toEqual({ added: 1, changed: 0, unchanged: 0 });
    await expect(
      importCatalogue(db, hqClock, '/tmp/cli.csv', Buffer.from('part_no,price_fen\nCLI-1,abc\n')),
    ).rejects.toThrow(/line 2: price_fen must be a whole number of fen/);
  });
});

/** GBK bytes for the few characters used here (Node has no GBK encoder). */
function encodeGbk(text: string): Buffer {
  const table: Record<string, number[]> = {
    配: [0xc5, 0xe4],
    件: [0xbc, 0xfe],
    编: [0xb1, 0xe0],
    号: [0xba, 0xc5],
    名: [0xc3, 0xfb],
    称: [0xb3, 0xc6],
    售: [0xca, 0xdb],
    价: [0xbc, 0xdb],
    成: [0xb3, 0xc9],
    本: [0xb1, 0xbe],
    皮: [0xc6, 0xa4],
    带: [0xb4, 0xf8],
  };
  return Buffer.from([...text].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
}
