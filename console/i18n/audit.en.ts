import type { auditZhCN } from './audit.zh-CN';

export const auditEn: Record<keyof typeof auditZhCN, string> = {
  title: 'Audit log',
  at: 'When',
  who: 'Who',
  action: 'Action',
  target: 'Subject',
  change: 'Change',
  before: 'Before',
  after: 'After',
  filterAction: 'Action (prefix, e.g. part.)',
  filterUser: "Staff member's user name",
  filterTarget: 'Subject contains',
};
