/** The subject ids of labels, the surname on a goods tag, and the label papers' page sizes for Electron. */
import { describe, expect, test } from 'vitest';
import {
  binSubjectId,
  countedSubjectId,
  MAX_LABELS_PER_JOB,
  parseBinSubject,
  parseCountedSubject,
} from '../../db/print/label-subjects';
import { surnameOf } from '../../db/print/label-data';
import { buildPdfOptions, buildPrintOptions } from '../../electron/print/print-options';
import { pageMm, toInches, toMicrons } from '../../electron/print/page-setup';
import { pageCss } from '../../renderer/print/page-css';
import { moduleFor } from '../../renderer/print/forms/label-sheet';

const ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('label subject ids', () => {
  test('a count rides after the record id, and comes back', () => {
    expect(countedSubjectId(ID, 1)).toBe(ID);
    expect(countedSubjectId(ID, 12)).toBe(`${ID}*12`);
    expect(parseCountedSubject(ID)).toEqual({ id: ID, count: 1 });
    expect(parseCountedSubject(`${ID}*12`)).toEqual({ id: ID, count: 12 });
  });

  test.each(['*3', `${ID}*0`, `${ID}*${MAX_LABELS_PER_JOB + 1}`, `${ID}*x`, `${ID}*-1`])('refuses %s', (id) => {
    expect(parseCountedSubject(id)).toBeNull();
  });

  test('a bin, a shelf or every bin of a location', () => {
    expect(parseBinSubject(binSubjectId(ID, 'A-01-1'))).toEqual({ locationId: ID, bin: 'A-01-1' });
    expect(parseBinSubject(`${ID}:A-01*`)).toEqual({ locationId: ID, bin: 'A-01*' });
    expect(parseBinSubject(`${ID}:*`)).toEqual({ locationId: ID, bin: '*' });
    for (const bad of [ID, `${ID}:`, `:A-01`, `${ID}:A 01`, `${ID}:${'X'.repeat(22)}`])
      expect(parseBinSubject(bad)).toBeNull();
  });
});

describe('the surname on a goods tag', () => {
  test.each([
    ['吴先生', '吴'],
    ['王小明', '王'],
    ['欧阳娜娜', '欧阳'],
    ['司马光', '司马'],
    ['Jane Smith', 'Smith'],
    ['  李  ', '李'],
    ['', ''],
  ])('%s → %s', (name, surname) => {
    expect(surnameOf(name)).toBe(surname);
  });
});

describe('label papers', () => {
  test('thermal labels and the A4 label sheet are their exact sizes, whatever the content measured', () => {
    expect(toMicrons(pageMm('label-50x30', 999))).toEqual({ width: 50_000, height: 30_000 });
    expect(toMicrons(pageMm('label-40x30', 1))).toEqual({ width: 40_000, height: 30_000 });
    expect(toMicrons(pageMm('A4-labels', 12))).toEqual({ width: 210_000, height: 297_000 });
    const pdf = buildPdfOptions('label-50x30', 30);
    expect(pdf.pageSize.width).toBeCloseTo(50 / 25.4, 6);
    expect(pdf.pageSize.height).toBeCloseTo(30 / 25.4, 6);
    expect(toInches(pageMm('label-40x30', 0)).width).toBeCloseTo(40 / 25.4, 6);
  });

  test('printed edge to edge: no margins from the driver, none in the @page rule, no footer on a label', () => {
    const printer = { deviceName: 'ZD421', silent: true, copies: 1, note: '' };
    expect(buildPrintOptions('label-50x30', 30, printer)).toMatchObject({
      silent: true,
      deviceName: 'ZD421',
      pageSize: { width: 50_000, height: 30_000 },
      margins: { marginType: 'none' },
      scaleFactor: 100,
    });
    expect(buildPrintOptions('A4-labels', 297, printer).margins).toEqual({ marginType: 'none' });
    const footer = { pages: 'Page [page] of [pages]', printedAt: 'Printed now' };
    expect(pageCss('label-40x30', footer)).toBe('@page { size: 40mm 30mm; margin: 0; }');
    expect(pageCss('A4-labels', footer)).toBe('@page { size: 210mm 297mm; margin: 0; }');
  });

  test('a label’s barcode modules fit its width, between 0.15 and 0.33 mm', () => {
    const narrow = moduleFor('S012-2-20261123-0042', 47);
    expect(narrow).toBeGreaterThanOrEqual(0.15);
    expect(narrow).toBeLessThanOrEqual(0.33);
    expect(moduleFor('AB', 67)).toBe(0.33);
  });
});
