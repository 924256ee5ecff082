/** The console's start page: the chain at a glance. */
export type Overview = {
  stores: number;
  activePcs: number;
  /** Active PCs that have not synced for more than a day. */
  silentPcs: number;
  /** Changes head office refused in the last 7 days. */
  refusedThisWeek: number;
  serverTime: string;
};
