import type { homeZhCN } from './home.zh-CN';

export const homeEn: Record<keyof typeof homeZhCN, string> = {
  title: 'Overview',
  welcome: 'Hello, {{name}}',
  stores: 'Stores',
  activePcs: 'PCs in use',
  silentPcs: 'PCs not synced for over a day',
  refusedThisWeek: 'Changes refused this week',
  noStoresRead: 'Your role can use the pages in the menu on the left.',
  asOf: 'As of {{time}}',
};
