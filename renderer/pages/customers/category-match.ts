/**
 * Which product categories answer what was typed: the Chinese or English name containing it, the
 * code, or the pinyin initials / pinyin starting with it (`kt` → 空调). What was typed resolves to
 * a category only when it names exactly one, or one exactly: never to "the first of several".
 */
import type { CategoryChoice } from '../../../db/api';

export function categoryMatches(category: CategoryChoice, typed: string): boolean {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return true;
  return (
    category.nameZh.includes(wanted) ||
    category.nameEn.toLowerCase().includes(wanted) ||
    category.code.toLowerCase() === wanted ||
    category.initials.startsWith(wanted) ||
    category.pinyin.startsWith(wanted)
  );
}

/** The one category the text names, or null when it names none or several. */
export function categoryNamed(categories: ReadonlyArray<CategoryChoice>, typed: string): CategoryChoice | null {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return null;
  const exact = categories.find(
    (c) =>
      c.nameZh === typed.trim() ||
      c.nameEn.toLowerCase() === wanted ||
      c.code.toLowerCase() === wanted ||
      c.initials === wanted ||
      c.pinyin === wanted,
  );
  if (exact) return exact;
  const matching = categories.filter((c) => categoryMatches(c, typed));
  return matching.length === 1 ? matching[0]! : null;
}
