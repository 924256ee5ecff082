/**
 * Blind counts: while a blind count is counting, whoever counts is sent no book quantity — not
 * on the sheet, not in a scan's or a count's answer — so the count is not nudged towards the
 * book. The parts lead (`parts.approve`), who posts, sees the differences; once the count is
 * closed it is a record and everyone who reads parts sees it whole.
 */
import { roleCan, type Role } from '../../staff/roles';
import type { StocktakeLineView, StocktakeView } from './contract';

export function hidesBook(stocktake: { blind: boolean | number; status: string }, role: Role): boolean {
  return Boolean(stocktake.blind) && stocktake.status === 'counting' && !roleCan(role, 'parts.approve');
}

export function blindLine(line: StocktakeLineView): StocktakeLineView {
  return { ...line, bookQty: null, variance: null };
}

/** The view as the actor may see it. */
export function viewFor(view: StocktakeView, role: Role): StocktakeView {
  if (!hidesBook(view, role)) return view;
  return { ...view, bookHidden: true, lines: view.lines.map(blindLine), withVariance: null, varianceFen: null };
}
