/**
 * Head office's catalogue rules are the counter's: a part head office accepts is one every counter
 * stores, and one a counter refuses never leaves head office (the feed cannot take it back). Same
 * samples through both schemas; the import's yuan reading.
 */
import { describe, expect, it } from 'vitest';
import { partCreateSchema } from '../../db/parts/catalogue/contract';
import { MAX_FEN as COUNTER_MAX_FEN } from '../../db/parts/fields';
import { yuanToFen } from '../../headoffice/console/catalogue/import-lines';
import { MAX_FEN, partFieldsSchema } from '../../headoffice/console/contract/catalogue';

const base = { partNo: 'P-1', name: '皮带', unit: '条', costFen: 0, priceFen: 100 };

describe('the catalogue contract agrees with the counter', () => {
  it('the same ceiling on money', () => expect(MAX_FEN).toBe(COUNTER_MAX_FEN));

  it.each([
    ['partNo', 'ab-12./x'],
    ['partNo', ' p1 '],
    ['partNo', '-P1'],
    ['partNo', 'P 1'],
    ['partNo', 'X'.repeat(40)],
    ['partNo', 'X'.repeat(41)],
    ['partNo', '配件1'],
    ['name', ''],
    ['name', '   '],
    ['name', 'n'.repeat(60)],
    ['name', 'n'.repeat(61)],
    ['name', 'a\u0000b'],
    ['name', '\uD800'],
    ['spec', 's'.repeat(121)],
    ['unit', '个'.repeat(9)],
    ['costFen', -1],
    ['costFen', 1.5],
    ['priceFen', MAX_FEN],
    ['priceFen', MAX_FEN + 1],
    ['models', Array.from({ length: 31 }, (_, i) => `M${i}`)],
    ['models', ['']],
  ] as const)('%s = %j', (field, value) => {
    const input = { ...base, [field]: value };
    const counter = partCreateSchema.safeParse(input);
    const hq = partFieldsSchema.safeParse(input);
    expect(hq.success).toBe(counter.success);
    if (hq.success && counter.success) expect(hq.data[field]).toEqual(counter.data[field]);
  });
});

describe('yuan in a sheet', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.05', 1205],
    ['¥1,299.00', 129900],
    ['￥8元', 800],
    ['0', 0],
    [12.3, 1230],
    [0.1 + 0.2, 30],
    ['12.345', null],
    ['-1', null],
    ['1,29', null],
    ['abc', null],
    [12.345, null],
    [-1, null],
  ] as const)('%j → %j fen', (cell, fen) => expect(yuanToFen(cell)).toBe(fen));
});
