/** 考核排名表的文字，并入 `print` 命名空间。 */
import type { printRankingEn } from './print-ranking.en';

export const printRankingZhCN: typeof printRankingEn = {
  ranking: {
    period: '考核期',
    dates: '起止日期',
    weights: '权重',
    weightsValue: '自评 {{self}}% · 上级评分 {{supervisor}}% · 客户评价 {{customers}}%',
    bands: '档次',
    bandsValue: 'A ≥ {{a}} · B ≥ {{b}} · 其余为 C',
    status: '状态',
    open: '进行中（分数仍可能变化）',
    closed: '已于 {{at}} 由 {{name}} 结束',
    scope: '范围',
    scopeAll: '全体参评人员',
    scopeGroup: '仅{{group}}',
    rank: '名次',
    name: '姓名',
    group: '小组',
    self: '自评',
    supervisor: '上级评分',
    customers: '客户评价（次数）',
    total: '综合得分',
    grade: '档次',
    missing: '缺：{{parts}}',
    partsSeparator: '、',
    parts: { self: '自评', supervisor: '上级评分', customers: '客户评价' },
    spreadMark: '*',
    groups: { counter: '客服组', repair: '维修组', parts: '配件组' },
    rules:
      '客户评价：本人经手（负责或柜台受理）工单的回访评分 1–5 分，按（评分 − 1）× 25 折算。综合得分 = Σ 权重 × 分数，四舍五入到 0.01。得分相同者名次并列。* 无客户评价：其权重按比例分摊到自评与上级评分。',
    approvedBy: '审批（经理）',
    printedAt: '打印于 {{at}}',
  },
};
