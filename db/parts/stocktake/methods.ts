/** Handlers for stocktaking: start (the ledger cut), count, scan, post, cancel. */
import { assert } from '../../assert';
import { landing, takeStep } from '../../document-machine';
import { DeskFailure, requireActor, type Handler, type HandlerContext } from '../../handler';
import { blindLine, hidesBook, viewFor } from './blind';
import { findPartByNo } from '../catalogue/queries';
import { resolveLocation } from '../ledger/locations';
import { appendMovement, bookQtyAt, ledgerHead } from '../ledger/movements';
import { nextNumber } from '../numbers';
import type { StocktakeRow, StocktakeStatus } from '../tables';
import type {
  StocktakeView,
  stocktakeListSchema,
  StocktakeSummary,
  stocktakeGetSchema,
  stocktakeStartSchema,
  stocktakeCountSchema,
  StocktakeLineView,
  stocktakeScanSchema,
  stocktakePostSchema,
  stocktakeCancelSchema,
} from './contract';
import { stocktakeMachine, type StocktakeAction } from './machine';
import {
  findStocktakeRow,
  insertStocktake,
  insertStocktakeLine,
  listStocktakes,
  loadStocktakeLineView,
  loadStocktakeView,
  sheetParts,
  stocktakeLineRows,
  updateStocktake,
  updateStocktakeLine,
} from './queries';

async function wholeViewOrFail(ctx: HandlerContext, id: string): Promise<StocktakeView> {
  const view = await loadStocktakeView(ctx.trx, id);
  if (!view) throw new DeskFailure('not_found', 'not_found');
  return view;
}

/** The view as the signed-in role may see it: a blind count hides the book from whoever counts. */
async function viewOrFail(ctx: HandlerContext, id: string): Promise<StocktakeView> {
  return viewFor(await wholeViewOrFail(ctx, id), requireActor(ctx).role);
}

function lineFor(ctx: HandlerContext, stocktake: StocktakeRow, line: StocktakeLineView): StocktakeLineView {
  return hidesBook(stocktake, requireActor(ctx).role) ? blindLine(line) : line;
}

/** The sheet, if its machine (machine.ts) allows the action from its status: a posted or cancelled sheet takes nothing more. */
async function countingStocktake(
  ctx: HandlerContext,
  id: string,
  action: StocktakeAction,
): Promise<{ stocktake: StocktakeRow; to: StocktakeStatus }> {
  const stocktake = await findStocktakeRow(ctx.trx, id);
  if (!stocktake) throw new DeskFailure('not_found', 'not_found', 'stocktakeId');
  const step = takeStep(
    stocktakeMachine,
    { status: stocktake.status, openedBy: stocktake.startedBy },
    action,
    ctx.actor,
  );
  return { stocktake, to: landing(step, stocktake.status) };
}

export const partsStocktakes: Handler<typeof stocktakeListSchema, { items: ReadonlyArray<StocktakeSummary> }> = async (
  ctx,
  input,
) => ({ items: await listStocktakes(ctx.trx, input.limit) });

export const partsStocktake: Handler<typeof stocktakeGetSchema, StocktakeView> = async (ctx, input) =>
  viewOrFail(ctx, input.id);

export const partsStocktakeStart: Handler<typeof stocktakeStartSchema, StocktakeView> = async (ctx, input) => {
  const location = await resolveLocation(ctx, input.locationId);
  // Two sheets over the same shelves would each post the same difference.
  const running = await ctx.trx
    .selectFrom('stocktake')
    .select('id')
    .where('locationId', '=', location.id)
    .where('status', '=', 'counting')
    .executeTakeFirst();
  if (running) throw new DeskFailure('conflict', 'stocktake_running', 'locationId');
  const cutSeq = await ledgerHead(ctx.trx);
  const id = await insertStocktake(ctx, {
    number: await nextNumber(ctx, 'ST'),
    locationId: location.id,
    binPrefix: input.binPrefix,
    note: input.note,
    cutSeq,
    blind: input.blind,
  });
  for (const line of await sheetParts(ctx.trx, location.id, input.binPrefix, cutSeq))
    await insertStocktakeLine(ctx, id, line);
  return viewOrFail(ctx, id);
};

export const partsStocktakeCount: Handler<typeof stocktakeCountSchema, StocktakeLineView> = async (ctx, input) => {
  const { stocktake } = await countingStocktake(ctx, input.stocktakeId, 'count');
  const line = (await stocktakeLineRows(ctx.trx, stocktake.id)).find((l) => l.id === input.lineId);
  if (!line) throw new DeskFailure('not_found', 'line_unknown', 'lineId');
  await updateStocktakeLine(ctx, line, {
    countedQty: input.countedQty,
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
  });
  return lineFor(ctx, stocktake, await loadStocktakeLineView(ctx.trx, stocktake, line.id));
};

export const partsStocktakeScan: Handler<typeof stocktakeScanSchema, StocktakeLineView> = async (ctx, input) => {
  const { stocktake } = await countingStocktake(ctx, input.stocktakeId, 'scan');
  const part = await findPartByNo(ctx.trx, input.partNo);
  if (!part) throw new DeskFailure('not_found', 'part_no_unknown', 'partNo');
  const lines = await stocktakeLineRows(ctx.trx, stocktake.id);
  let line = lines.find((l) => l.partId === part.id);
  if (!line) {
    // Found on the shelf but not on the sheet (another shelf's part, a retired one): count it too,
    // against its book quantity at the same cut.
    const bookQty = await bookQtyAt(ctx.trx, part.id, stocktake.locationId, stocktake.cutSeq);
    const lineId = await insertStocktakeLine(ctx, stocktake.id, { partId: part.id, bookQty });
    line = (await stocktakeLineRows(ctx.trx, stocktake.id)).find((l) => l.id === lineId);
    assert(line, 'a line inserted in this transaction reads back');
  }
  await updateStocktakeLine(ctx, line, { countedQty: (line.countedQty ?? 0) + input.qty });
  return lineFor(ctx, stocktake, await loadStocktakeLineView(ctx.trx, stocktake, line.id));
};

export const partsStocktakePost: Handler<typeof stocktakePostSchema, StocktakeView> = async (ctx, input) => {
  const { stocktake, to } = await countingStocktake(ctx, input.stocktakeId, 'post');
  // The whole view: posting computes the differences against the book, blind or not.
  const view = await wholeViewOrFail(ctx, stocktake.id);
  const rows = await stocktakeLineRows(ctx.trx, stocktake.id);
  const given = new Map(input.reasons.map((r) => [r.lineId, r.reason]));
  const uncounted = view.lines.findIndex((line) => line.countedQty === null);
  if (uncounted >= 0) throw new DeskFailure('validation', 'stocktake_uncounted', `lines.${uncounted}.countedQty`);
  // Differences are explained before they are adjusted (docs/DOMAIN.md §7).
  const unexplained = view.lines.findIndex((line) => line.variance !== 0 && (given.get(line.id) ?? line.reason) === '');
  if (unexplained >= 0) throw new DeskFailure('validation', 'variance_reason_required', `lines.${unexplained}.reason`);
  for (const line of view.lines) {
    const reason = given.get(line.id) ?? line.reason;
    const row = rows.find((r) => r.id === line.id)!;
    if (reason !== line.reason) await updateStocktakeLine(ctx, row, { reason });
    if (!line.variance) continue;
    assert(line.bookQty !== null, 'the whole view carries the book quantity');
    // counted − book at the cut: movements since the cut stay in the ledger and are not redone.
    await appendMovement(ctx, {
      partId: line.partId,
      locationId: stocktake.locationId,
      kind: 'adjust',
      qty: line.variance,
      unitCostFen: line.costFen,
      reason,
      docType: 'stocktake',
      docId: stocktake.id,
      docLineId: line.id,
    });
  }
  await updateStocktake(ctx, stocktake, { status: to, closedBy: ctx.staffId, closedAt: ctx.nowIso });
  return viewOrFail(ctx, stocktake.id);
};

export const partsStocktakeCancel: Handler<typeof stocktakeCancelSchema, StocktakeView> = async (ctx, input) => {
  const { stocktake, to } = await countingStocktake(ctx, input.stocktakeId, 'cancel');
  await updateStocktake(ctx, stocktake, {
    status: to,
    closedBy: ctx.staffId,
    closedAt: ctx.nowIso,
    cancelReason: input.reason,
  });
  return viewOrFail(ctx, stocktake.id);
};
