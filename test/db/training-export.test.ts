/** A period's ranking exported to Excel (renderer/pages/training/ranking-xlsx.ts): the rows the lead may see, totals to the hundredth. */
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { rankingFileName, rankingRows, type RankingHeaders } from '../../renderer/pages/training/ranking-xlsx';
import { openTicketDesk, sh } from './tickets-fixture';

const GROUPS: Record<string, string> = { counter: '客服组', repair: '维修组', parts: '配件组' };
const HEADERS: RankingHeaders = {
  rank: '名次',
  name: '姓名',
  group: '小组',
  self: '自评',
  supervisor: '上级评分',
  customers: '客户评价',
  ratings: '评价次数',
  total: '综合得分',
  grade: '档次',
  groupName: (group) => GROUPS[group] ?? group,
  missing: (parts) => `缺：${parts.join('、')}`,
};

describe('the assessment ranking exported to Excel', () => {
  it('holds the lead’s group only, ranked, with exact totals and what is missing', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const { id: periodId } = await d.ok('manager', 'training.savePeriod', {
      name: '2026 年 11 月',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      weightSelf: 30,
      weightSupervisor: 40,
      weightCustomers: 30,
    });
    await d.ok('technician', 'training.selfAssess', { periodId, score: 85 });
    await d.ok('repair_lead', 'training.rate', { periodId, staffId: d.idOf('technician'), score: 90 });
    await d.ok('counter', 'training.selfAssess', { periodId, score: 99 });
    const view = await d.ok('repair_lead', 'training.period', { periodId });

    const buffer = await writeXlsxFile(rankingRows(view, HEADERS) as SheetData).toBuffer();
    const sheet = await readSheet(buffer);
    expect(sheet).toEqual([
      ['名次', '姓名', '小组', '自评', '上级评分', '客户评价', '评价次数', '综合得分', '档次'],
      [1, '陈师傅', '维修组', 85, 90, null, 0, 87.86, 'B'],
      [null, '刘强', '维修组', null, null, null, 0, '缺：self、supervisor', null],
      [null, '王师傅', '维修组', null, null, null, 0, '缺：self、supervisor', null],
    ]);
    expect(rankingFileName(view)).toBe('assessment-2026-11-01-2026-11-30.xlsx');
  });
});
