export const homeZhCN = {
  title: '概览',
  welcome: '{{name}}，您好',
  stores: '门店',
  activePcs: '在用电脑',
  silentPcs: '超过一天未同步的电脑',
  refusedThisWeek: '本周被拒绝的更改',
  noStoresRead: '您的角色可使用左侧菜单中的页面。',
  asOf: '数据时间：{{time}}',
};
