export const auditZhCN = {
  title: '审计日志',
  at: '时间',
  who: '操作人',
  action: '操作',
  target: '对象',
  change: '修改内容',
  before: '修改前',
  after: '修改后',
  filterAction: '操作（前缀，如 part.）',
  filterUser: '操作人用户名',
  filterTarget: '对象包含',
};
