/**
 * Every printed form, rendered to PDF by Chromium from its print route on the built browser host
 * (a store seeded on a fixed clock), checked the way a person checking the print would: right
 * paper, the text there, the bundled CJK font embedded (nothing from the system), a long list
 * running onto a second page under a repeated header — and each page compared with its
 * committed reference PNG (test/print/reference/), so a layout change fails here.
 *
 * UPDATE_PRINT_REFERENCES=1 rewrites the references after an intended change (look at them first).
 */
process.env.TZ = 'Asia/Shanghai';

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { printRouteHash, type Paper, type PrintForm, type PrintLanguage } from '../../db/api';
import { diffPngs } from '../print/png-diff';
import { pdfFonts, pdfInfo, pdfText, pdfToPngs } from '../print/pdf';
import { ADMIN, PRINT_TIME_ZONE, seedPrintStore, type PrintStore } from '../print/print-seed';
import { openCounter, type Counter } from './fixtures';

const REFERENCES = fileURLToPath(new URL('../print/reference/', import.meta.url));
const DIFFS = fileURLToPath(new URL('../../test-results/print-diff/', import.meta.url));
const UPDATE = process.env.UPDATE_PRINT_REFERENCES === '1';
/** At most this share of a page's pixels may differ from the reference (an A4 page at 50 dpi: ~480 pixels). */
const TOLERANCE = 0.002;
/** When the forms are printed: the footer's "printed at" reads this on every run. */
const PRINTED_AT = new Date(Date.parse('2026-11-25T09:30:00+08:00'));

let store: PrintStore;
let counter: Counter;
let work: string;

beforeAll(async () => {
  store = await seedPrintStore();
  counter = await openCounter({ dataDir: store.dataDir, timezoneId: PRINT_TIME_ZONE, locale: 'zh-CN' });
  await counter.context.clock.setFixedTime(PRINTED_AT);
  const signIn = await counter.context.request.post(`${counter.host.origin}/api/call`, {
    data: { method: 'session.signIn', input: { staffId: store.adminId, pin: ADMIN.pin } },
  });
  expect(await signIn.json()).toMatchObject({ ok: true });
  labelSubjects = await findLabelSubjects();
  work = mkdtempSync(join(tmpdir(), 'counterdesk-pdf-'));
});

afterAll(async () => {
  await counter?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The part and the store room the label references print (looked up once the store is open). */
let labelSubjects: { pumpId: string; mainId: string };

async function findLabelSubjects(): Promise<{ pumpId: string; mainId: string }> {
  const ask = async <T>(method: string, input: unknown): Promise<T> => {
    const response = await counter.context.request.post(`${counter.host.origin}/api/call`, { data: { method, input } });
    return ((await response.json()) as { value: T }).value;
  };
  const parts = await ask<{ items: Array<{ id: string; partNo: string }> }>('parts.list', {
    query: 'WM-PUMP-01',
    limit: 5,
  });
  const locations = await ask<{ items: Array<{ id: string; isMain: boolean }> }>('parts.locations', {});
  return {
    pumpId: parts.items.find((p) => p.partNo === 'WM-PUMP-01')!.id,
    mainId: locations.items.find((l) => l.isMain)!.id,
  };
}

type Rendered = { file: string; title: string };

/**
 * Opens the print route in a tab of its own, waits for its "ready", and prints it to PDF the way
 * Electron's printToPDF does. `alteration` is CSS added before printing, to stand for a layout change.
 */
async function renderPdf(
  name: string,
  route: { form: PrintForm; subjectId: string; language: PrintLanguage; copyNo?: number; paper?: Paper },
  alteration?: string,
): Promise<Rendered> {
  const page = await counter.context.newPage();
  try {
    await page.goto(`${counter.host.origin}/${printRouteHash({ copyNo: 0, paper: null, ...route })}`);
    await page.locator('html[data-print-state]').waitFor({ state: 'attached' });
    const title = await page.title();
    expect(title, `the ${name} page reported an error`).toMatch(/^counterdesk-print:ready:/);
    // Through the test browser's own channel: the page's CSP does not apply to it.
    if (alteration) await page.addStyleTag({ content: alteration });
    const file = join(work, `${name}.pdf`);
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    return { file, title };
  } finally {
    await page.close();
  }
}

/** Each page of the PDF against its reference, as the share of its pixels that differ. */
async function differenceFromReferences(name: string, file: string): Promise<number[]> {
  const pages = await pdfToPngs(file, work, `${name}-check`);
  return pages.map(
    (png, index) => diffPngs(readFileSync(png), readFileSync(join(REFERENCES, `${name}-${index + 1}.png`))).ratio,
  );
}

/** Each page of the PDF against test/print/reference/<name>-<page>.png. */
async function compareWithReferences(name: string, file: string): Promise<void> {
  const pages = await pdfToPngs(file, work, name);
  for (const [index, png] of pages.entries()) {
    const reference = join(REFERENCES, `${name}-${index + 1}.png`);
    if (UPDATE) {
      mkdirSync(REFERENCES, { recursive: true });
      copyFileSync(png, reference);
      continue;
    }
    expect(
      existsSync(reference),
      `no reference for ${name} page ${index + 1}: run with UPDATE_PRINT_REFERENCES=1 and commit ${reference}`,
    ).toBe(true);
    const result = diffPngs(readFileSync(png), readFileSync(reference));
    if (result.ratio > TOLERANCE) {
      mkdirSync(DIFFS, { recursive: true });
      copyFileSync(png, join(DIFFS, `${name}-${index + 1}.actual.png`));
      writeFileSync(join(DIFFS, `${name}-${index + 1}.diff.png`), PNG.sync.write(result.diff));
    }
    expect(
      result.ratio,
      `${name} page ${index + 1}: ${result.differing} pixels differ from the reference (see test-results/print-diff/)`,
    ).toBeLessThanOrEqual(TOLERANCE);
  }
}

async function expectBundledFontsOnly(file: string): Promise<void> {
  const fonts = await pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  // Every glyph comes from the bundled Noto faces, embedded: nothing fell back to a system font.
  for (const font of fonts) {
    expect(font.name, `font ${font.name} (${font.type})`).toMatch(/\+NotoSans(SC)?/);
    expect(font.embedded, `font ${font.name} is not embedded`).toBe(true);
  }
  expect(fonts.some((font) => font.name.includes('NotoSansSC'))).toBe(true);
}

type Case = {
  name: string;
  form: PrintForm;
  subject: () => string;
  language: PrintLanguage;
  copyNo?: number;
  paper?: Paper;
  size: [number, number | null];
  texts: () => string[];
  /** Texts that must not be on it. */
  absent?: string[];
};

const ticketNo = () => store.ticket.number;
const CASES: Case[] = [
  {
    name: 'service-form-zh',
    form: 'service-form',
    subject: () => store.ticket.id,
    language: 'zh-CN',
    size: [210, 297],
    texts: () => [
      '维修服务单',
      ticketNo(),
      '吴先生',
      '格力 KFR-35GW',
      '保修内，保修期至 2027-03-15',
      '空调启动电容 35μF 450V',
      // The money, exact to the fen: the parts under warranty at ¥0.00, the warranty's ¥80.00,
      // a discount with its reason, charges ¥80.00, a deposit, a payment and a refund by method,
      // ¥60.00 paid and ¥20.00 still due.
      '费用及收款',
      '工时 · 上门检测及维修',
      '(保修)',
      '保修承担',
      '¥80.00',
      '原因：金卡会员',
      '-¥10.00',
      '费用合计',
      '¥80.00',
      '定金',
      '微信支付',
      '退款 — 原因：定金多收',
      '已付合计',
      '¥60.00',
      '应付余额',
      '¥20.00',
      '服务条款',
      '本单所列费用、已收款项及应付余额经顾客签字确认',
      '吴先生 签于 2026-11-24',
    ],
    absent: ['签名后内容已更改'],
  },
  {
    name: 'service-form-en',
    form: 'service-form',
    subject: () => store.ticket.id,
    language: 'en',
    copyNo: 2,
    size: [210, 297],
    texts: () => [
      'Service form',
      'COPY 2',
      ticketNo(),
      'In warranty until 2027-03-15',
      'Parts used',
      'Charges and payments',
      'Paid by the warranty',
      'WeChat Pay',
      'Refund',
      'Balance due',
      '¥20.00',
      'Terms of service',
      'Customer signature',
    ],
    absent: ['Changed after signing'],
  },
  {
    name: 'job-sheet-zh',
    form: 'job-sheet',
    subject: () => store.ticket.id,
    language: 'zh-CN',
    size: [210, 297],
    texts: () => ['派工单', ticketNo(), '陈师傅', '2026-11-24 15:00', '维修人员签字'],
  },
  {
    name: 'job-sheet-en',
    form: 'job-sheet',
    subject: () => store.ticket.id,
    language: 'en',
    size: [210, 297],
    texts: () => ['Job sheet', ticketNo(), 'Technician signature', 'Work done and findings'],
  },
  {
    name: 'intake-receipt-zh',
    form: 'intake-receipt',
    subject: () => store.ticket.id,
    language: 'zh-CN',
    copyNo: 1,
    size: [80, null],
    texts: () => ['受理回执', '副本', ticketNo(), '电话 021-62581234', '请妥善保管本回执'],
  },
  {
    name: 'intake-receipt-en',
    form: 'intake-receipt',
    subject: () => store.ticket.id,
    language: 'en',
    size: [80, null],
    texts: () => ['Intake receipt', ticketNo(), 'Tel 021-62581234', 'Keep this receipt'],
  },
  {
    name: 'payment-receipt-zh',
    form: 'payment-receipt',
    subject: () => store.ticket.id,
    language: 'zh-CN',
    size: [80, null],
    texts: () => [
      '收款凭条',
      ticketNo(),
      '工时 · 上门检测及维修',
      '1 × ¥90.00',
      '¥0.00',
      '-¥10.00',
      '费用合计',
      '¥80.00',
      '定金 · 现金',
      '收款 · 微信支付',
      '退款 · 现金',
      '-¥10.00',
      '已付合计',
      '¥60.00',
      '应付余额',
      '¥20.00',
    ],
  },
  {
    name: 'payment-receipt-en',
    form: 'payment-receipt',
    subject: () => store.ticket.id,
    language: 'en',
    size: [80, null],
    texts: () => [
      'Payment receipt',
      ticketNo(),
      'Labour · 上门检测及维修',
      'Deposit · Cash',
      'Payment · WeChat Pay',
      'Refund · Cash',
      'Charges',
      '¥80.00',
      'Paid',
      '¥60.00',
      'Balance due',
      '¥20.00',
    ],
  },
  {
    name: 'requisition-zh-a4',
    form: 'requisition',
    subject: () => store.requisition.id,
    language: 'zh-CN',
    size: [210, 297],
    texts: () => [
      '配件领用单',
      store.requisition.number,
      ticketNo(),
      '领用人（维修人员）',
      '审批人（配件组长）',
      '发料人（配件员）',
      'AC-FILTER-12',
    ],
  },
  {
    name: 'requisition-en-a5',
    form: 'requisition',
    subject: () => store.requisition.id,
    language: 'en',
    paper: 'A5',
    size: [148, 210],
    texts: () => [
      'Parts requisition',
      store.requisition.number,
      'Requested by (technician)',
      'Issued by (parts clerk)',
    ],
  },
  {
    name: 'stocktake-sheet-zh',
    form: 'stocktake-sheet',
    subject: () => store.stocktake.id,
    language: 'zh-CN',
    size: [210, 297],
    texts: () => ['盘点表', store.stocktake.number, '实盘数', '滚筒门封圈 Φ480', '电视电源电阻 10Ω 5W'],
  },
  {
    name: 'stocktake-sheet-en',
    form: 'stocktake-sheet',
    subject: () => store.stocktake.id,
    language: 'en',
    size: [210, 297],
    texts: () => ['Stocktake count sheet', store.stocktake.number, 'Counted', 'Checked by'],
  },
  {
    name: 'part-label-50x30',
    form: 'part-label',
    subject: () => `${labelSubjects.pumpId}*1`,
    language: 'zh-CN',
    paper: 'label-50x30',
    size: [50, 30],
    texts: () => ['WM-PUMP-01', '排水泵', 'A-01-1'],
  },
  {
    name: 'goods-tag-40x30',
    form: 'goods-tag',
    subject: () => store.ticket.id,
    language: 'zh-CN',
    paper: 'label-40x30',
    size: [40, 30],
    texts: () => [ticketNo(), '139****5678'],
    absent: ['13912345678'],
  },
  {
    name: 'bin-label-a4',
    form: 'bin-label',
    subject: () => `${labelSubjects.mainId}:*`,
    language: 'zh-CN',
    paper: 'A4-labels',
    size: [210, 297],
    texts: () => ['A-01-1', 'C-01-3'],
  },
];

describe('printed forms', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s: paper, text, embedded font and reference', async (name, c) => {
    const { file } = await renderPdf(name, {
      form: c.form,
      subjectId: c.subject(),
      language: c.language,
      ...(c.copyNo ? { copyNo: c.copyNo } : {}),
      ...(c.paper ? { paper: c.paper } : {}),
    });
    const info = await pdfInfo(file);
    expect(info.widthMm).toBeCloseTo(c.size[0], 0);
    if (c.size[1] !== null) expect(info.heightMm).toBeCloseTo(c.size[1], 0);
    else {
      // A receipt is one slip, as long as its content.
      expect(info.pages).toBe(1);
      expect(info.heightMm).toBeGreaterThan(100);
      expect(info.heightMm).toBeLessThan(300);
    }
    const text = await pdfText(file);
    for (const expected of c.texts()) expect(text, `"${expected}" on the ${name}`).toContain(expected);
    for (const unexpected of c.absent ?? []) expect(text, `"${unexpected}" on the ${name}`).not.toContain(unexpected);
    if (c.copyNo === undefined) expect(text).not.toMatch(/副本|COPY/);
    await expectBundledFontsOnly(file);
    await compareWithReferences(name, file);
  });

  // The tolerance absorbs anti-aliasing, not layout: each of these changes alone must fail the comparison.
  test.skipIf(UPDATE).each([
    ['the text set a little looser', '.pf-root { line-height: 1.45 !important; }'],
    ['the parts table pushed down 1.5 mm', '.pf-lines { margin-top: 2.5mm !important; }'],
    // On the second page, below the money; its two thin lines alone are under the tolerance there.
    ['the signature boxes gone', '.pf-signatures { visibility: hidden !important; }'],
    ['the QR and bar codes gone', '.pf-codes { visibility: hidden !important; }'],
  ])('a service form with %s differs from its reference beyond the tolerance', async (_change, css) => {
    const route = { form: 'service-form', subjectId: store.ticket.id, language: 'zh-CN' } as const;
    const { file } = await renderPdf('service-form-zh-altered', route, css);
    // Any page may hold the change (the signatures are on the second since the form lists the money).
    const ratios = await differenceFromReferences('service-form-zh', file);
    expect(Math.max(...ratios)).toBeGreaterThan(TOLERANCE);
  });

  test.each([
    ['zh-CN', ['签名后内容已更改', '新增收款：支付宝 ¥120.00', '应付余额：¥120.00 → ¥0.00']],
    ['en', ['Changed after signing', 'Payment added: Alipay ¥120.00', 'Balance due: ¥120.00 → ¥0.00']],
  ] as const)(
    'a form paid after signing prints "changed after signing" with what changed (%s)',
    async (language, texts) => {
      const { file } = await renderPdf(`service-form-changed-${language}`, {
        form: 'service-form',
        subjectId: store.changedTicket.id,
        language,
      });
      expect((await pdfInfo(file)).widthMm).toBeCloseTo(210, 0);
      const text = await pdfText(file);
      for (const expected of texts) expect(text, `"${expected}" on the changed form`).toContain(expected);
      // Kept for a person to look at (pdftoppm -png), like the references.
      mkdirSync(DIFFS, { recursive: true });
      copyFileSync(file, join(DIFFS, `service-form-changed-${language}.pdf`));
    },
  );

  test('a long parts list runs onto a second page, under the letterhead and column headings repeated', async () => {
    const { file } = await renderPdf('service-form-long', {
      form: 'service-form',
      subjectId: store.longTicket.id,
      language: 'zh-CN',
    });
    const info = await pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    const first = await pdfText(file, 1);
    const second = await pdfText(file, 2);
    expect(first).toContain('GEN-001');
    expect(second).toContain('GEN-038');
    for (const page of [first, second]) {
      expect(page).toContain('维修服务单');
      expect(page).toContain(store.longTicket.number);
      expect(page).toContain('配件编号');
      expect(page).toMatch(/第 \d 页，共 \d 页/);
    }
    expect(second).toContain('打印时间 2026-11-25 09:30');
    await expectBundledFontsOnly(file);
  });
});
