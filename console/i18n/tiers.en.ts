/** English text of the customer tiers page. */
import type { tiersZhCN } from './tiers.zh-CN';

export const tiersEn: Record<keyof typeof tiersZhCN, string> = {
  title: 'Customer tiers',
  intro:
    "A customer with an automatic tier gets the highest tier whose threshold they reach: total spend (the prices of their registered products) or purchases (registered products). Thresholds must rise with the tier; each tier's reply and resolve times are set in the service standards.",
  tierColumn: 'Tier',
  'tier.regular': 'Regular',
  'tier.silver': 'Silver',
  'tier.gold': 'Gold',
  'tier.vip': 'VIP',
  minSpend: 'Minimum spend',
  minVisits: 'Minimum purchases',
  never: 'Not used',
  emptyMeansNever: 'Empty: this threshold is not used',
  serviceStandard: 'Service promise',
  source: 'Source',
  setByHq: 'Set by head office',
  builtIn: 'Built-in default',
  actions: 'Actions',
  edit: 'Edit',
  editTitle: 'Edit the {{tier}} tier',
  regularNote: 'Regular is every other customer’s tier and has no threshold.',
  orderProblem: "{{tier}}'s {{threshold}} must be above {{lower}}'s ({{value}})",
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Saved; stores get it at their next sync',
};
