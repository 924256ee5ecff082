/**
 * The counter's updates as the desk sees them: the updater's latest state (kept in memory by
 * db/desk.ts, which the shell's updater feeds through `desk.setUpdateStatus`), and this PC's
 * install window (update_setting, migration 0018), read by `desk.updateGate()`.
 */
import type { Kysely } from 'kysely';
import type { UpdateStatus } from '../desk-types';
import type { noInput } from '../fields';
import type { Handler } from '../handler';
import type { DB } from '../schema';
import type { InstallWindow, installWindowSchema } from './contract';

/** What the About/Sync page shows; `off` until the updater reports (not packaged, or a browser host). */
export const updateStatusOf: Handler<typeof noInput, UpdateStatus> = async (ctx) => ctx.services.updates.status();

export async function readInstallWindow(db: Kysely<DB>): Promise<InstallWindow> {
  const row = await db.selectFrom('updateSetting').select(['installFrom', 'installTo']).executeTakeFirst();
  return row ? { from: row.installFrom, to: row.installTo } : null;
}

export const installWindowGet: Handler<typeof noInput, InstallWindow> = async (ctx) => readInstallWindow(ctx.trx);

export const installWindowSet: Handler<typeof installWindowSchema, InstallWindow> = async (ctx, { window }) => {
  if (!window) {
    await ctx.trx.deleteFrom('updateSetting').execute();
    return null;
  }
  await ctx.trx
    .insertInto('updateSetting')
    .values({ id: 1, installFrom: window.from, installTo: window.to, updatedAt: ctx.nowIso })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({ installFrom: window.from, installTo: window.to, updatedAt: ctx.nowIso }),
    )
    .execute();
  return window;
};
