/** The category picker's filter and what typed text resolves to (never the first of several). */
import { describe, expect, it } from 'vitest';
import type { CategoryChoice } from '../../db/api';
import { categoryMatches, categoryNamed } from '../../renderer/pages/customers/category-match';

const c = (code: string, nameZh: string, nameEn: string, initials: string, pinyin: string): CategoryChoice => ({
  code,
  nameZh,
  nameEn,
  warrantyMonths: 12,
  returnDays: 7,
  exchangeDays: 15,
  mainPartsMonths: 12,
  initials,
  pinyin,
});
const CATEGORIES = [
  c('ac', '空调', 'Air conditioner', 'kt', 'kongtiao'),
  c('tv', '电视', 'Television', 'ds', 'dianshi'),
  c('fridge', '冰箱', 'Refrigerator', 'bx', 'bingxiang'),
  c('freezer', '冰柜', 'Freezer', 'bg', 'binggui'),
];

const shown = (typed: string) => CATEGORIES.filter((x) => categoryMatches(x, typed)).map((x) => x.code);

describe('category picker', () => {
  it('filters by Chinese or English name, code, pinyin initials and pinyin', () => {
    expect(shown('')).toHaveLength(4);
    expect(shown('冰')).toEqual(['fridge', 'freezer']);
    expect(shown('kt')).toEqual(['ac']);
    expect(shown('bing')).toEqual(['fridge', 'freezer']);
    expect(shown('TELE')).toEqual(['tv']);
    expect(shown('tv')).toEqual(['tv']);
    expect(shown('洗衣机')).toEqual([]);
  });

  it('resolves typed text to one category only when it names exactly one', () => {
    expect(categoryNamed(CATEGORIES, 'kt')?.code).toBe('ac');
    expect(categoryNamed(CATEGORIES, '冰箱')?.code).toBe('fridge');
    expect(categoryNamed(CATEGORIES, 'bx')?.code).toBe('fridge');
    // Two categories start with 冰: neither is taken for the text.
    expect(categoryNamed(CATEGORIES, '冰')).toBeNull();
    expect(categoryNamed(CATEGORIES, '洗衣机')).toBeNull();
    expect(categoryNamed(CATEGORIES, '  ')).toBeNull();
  });
});
