/**
 * A period's ranking as an Excel file for the bonus decision: one row per person the caller may
 * see, totals with two decimals as the desk computed them. Rows are plain data (testable); the
 * browser build of write-excel-file writes the file.
 */
import writeXlsxFile from 'write-excel-file/browser';
import type { PeriodView } from '../../../db/api';

type Cell = string | number | null | { value: number; format: string };

export type RankingHeaders = Readonly<{
  rank: string;
  name: string;
  group: string;
  self: string;
  supervisor: string;
  customers: string;
  ratings: string;
  total: string;
  grade: string;
  /** The group's name and what "missing" says, in the UI language. */
  groupName: (group: string) => string;
  missing: (parts: ReadonlyArray<string>) => string;
}>;

const POINTS = '0.00';
const points = (x100: number | null): Cell => (x100 === null ? null : { value: x100 / 100, format: POINTS });

export function rankingRows(view: PeriodView, h: RankingHeaders): Cell[][] {
  const head: Cell[] = [h.rank, h.name, h.group, h.self, h.supervisor, h.customers, h.ratings, h.total, h.grade];
  const rows = view.rows.map((r): Cell[] => [
    r.rank,
    r.name,
    r.group ? h.groupName(r.group) : '',
    r.selfScore,
    r.supervisorScore,
    points(r.customerX100),
    r.customerCount,
    r.totalX100 === null ? h.missing(r.missing) : points(r.totalX100),
    r.grade ?? '',
  ]);
  return [head, ...rows];
}

/** `assessment-2026-11-01-2026-11-30.xlsx`: dates, not the period's name, so the file name is plain ASCII. */
export function rankingFileName(view: PeriodView): string {
  return `assessment-${view.period.startsOn}-${view.period.endsOn}.xlsx`;
}

export async function saveRankingXlsx(view: PeriodView, headers: RankingHeaders): Promise<string> {
  const fileName = rankingFileName(view);
  const blob = await writeXlsxFile(rankingRows(view, headers)).toBlob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
