/**
 * What the printed assessment ranking (考核排名表) shows: the period as the caller may read it. A
 * lead's sheet holds their group only and says so; staff without a plan role print none.
 */
import { DeskFailure, requireActor, type HandlerContext } from '../handler';
import { reachOf } from '../training/groups';
import { loadPeriod } from '../training/periods';
import type { RankingPrintData } from './form-data';
import { loadStoreHeader } from './store-header';

export async function loadRankingPrint(ctx: HandlerContext, periodId: string): Promise<RankingPrintData> {
  if (reachOf(requireActor(ctx)).kind === 'self') throw new DeskFailure('permission_denied', 'permission_denied');
  const view = await loadPeriod(ctx, periodId);
  return { store: await loadStoreHeader(ctx.trx), ...view, printedAt: ctx.nowIso };
}
