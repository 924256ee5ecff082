/**
 * 0022: the 三包 rules as data, per product category (docs/architecture/sanbao-rules.md).
 * - product_category.return_days and exchange_days: how many days after the purchase a faulty
 *   product may be returned or exchanged. 7 and 15 for every seeded category, from
 *   《部分商品修理更换退货责任规定》 (1995) articles 8 and 9, which the later household-appliance,
 *   computer and mobile-phone rules repeat.
 * - product_category.main_parts_months: the main components' repair warranty (主要部件三包有效期),
 *   longer than the whole unit's where the rules say so: 3 years for the compressor of a fridge or
 *   an air conditioner, the motor of a washing machine, a TV's picture tube or panel and the motors of
 *   kitchen appliances (the 1995 rules' annex), 2 years for a computer's main parts
 *   (《微型计算机商品修理更换退货责任规定》), 1 year for a phone (《移动电话机商品修理更换退货责任规定》).
 *   Furniture and mattresses are outside the national list and keep their whole-unit term. Never
 *   shorter than the whole unit's (warranty_months), which head office may already have set.
 * - product.warranty_end: the last covered day now counts as the Civil Code counts a period in
 *   months (民法典 第二百零一条、第二百零二条: the purchase day is not counted, and the period ends on
 *   the same day of the last month, or that month's last day when it has no such day): bought
 *   2025-09-18 with 12 months → covered through 2026-09-18. Ends stored by the old rule (one day
 *   earlier) are moved on a day; an end that fits neither rule was typed or imported and stays.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

const MAIN_PARTS_MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['tv', 36],
  ['fridge', 36],
  ['washer', 36],
  ['aircon', 36],
  ['kitchen', 36],
  ['small', 12],
  ['phone', 12],
  ['computer', 24],
  ['furniture', 24],
  ['mattress', 36],
  ['other', 12],
];

/** Purchase date + months, on the same day or the shorter month's last day (as of this migration). */
function sameDayMonthsLater(purchaseDate: string, months: number): Date {
  const [y, m, d] = purchaseDate.split('-').map(Number) as [number, number, number];
  const target = m - 1 + months;
  const year = y + Math.floor(target / 12);
  const month = target % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay)));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE product_category ADD COLUMN return_days INTEGER NOT NULL DEFAULT 7 CHECK (return_days BETWEEN 0 AND 3650)`.execute(
    db,
  );
  await sql`ALTER TABLE product_category ADD COLUMN exchange_days INTEGER NOT NULL DEFAULT 15 CHECK (exchange_days BETWEEN 0 AND 3650)`.execute(
    db,
  );
  await sql`ALTER TABLE product_category ADD COLUMN main_parts_months INTEGER NOT NULL DEFAULT 0 CHECK (main_parts_months BETWEEN 0 AND 120)`.execute(
    db,
  );
  for (const [code, months] of MAIN_PARTS_MONTHS)
    await sql`UPDATE product_category SET main_parts_months = MAX(${months}, warranty_months) WHERE code = ${code}`.execute(
      db,
    );
  await sql`UPDATE product_category SET main_parts_months = warranty_months WHERE main_parts_months < warranty_months`.execute(
    db,
  );

  const products = await sql<{ id: string; purchaseDate: string; warrantyEnd: string; months: number }>`
    SELECT product.id, product.purchase_date AS purchaseDate, product.warranty_end AS warrantyEnd,
           product_category.warranty_months AS months
    FROM product JOIN product_category ON product_category.code = product.category
    WHERE product.purchase_date IS NOT NULL AND product.warranty_end IS NOT NULL`.execute(db);
  for (const p of products.rows) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.purchaseDate)) continue;
    const end = sameDayMonthsLater(p.purchaseDate, p.months);
    const inclusive = end.toISOString().slice(0, 10);
    end.setUTCDate(end.getUTCDate() - 1);
    if (p.warrantyEnd === end.toISOString().slice(0, 10))
      await sql`UPDATE product SET warranty_end = ${inclusive} WHERE id = ${p.id}`.execute(db);
  }
}
