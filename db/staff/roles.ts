/**
 * Roles from docs/DOMAIN.md and what each may do. The dispatcher checks these in the main process for
 * every call; the renderer only uses them to hide what a role cannot use.
 */
export const ROLES = [
  'counter_staff', // 客服人员
  'cs_lead', // 客服组长
  'repair_lead', // 维修组组长
  'technician', // 维修人员
  'parts_lead', // 配件组组长
  'parts_clerk', // 配件员
  'aftersales_manager', // 售后部经理
  'admin', // 系统管理员
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'customers.read',
  'customers.write',
  /** Tier decides the service standard, so only leads change it (head office once sync exists). */
  'customers.tier',
  /** See an opened customer's full phones and addresses (docs/DOMAIN.md §9); lists always mask them. */
  'customers.personal',
  /** Merge a duplicate into the surviving customer record. */
  'customers.merge',
  'customers.import',
  /** Export personal data: logged in customer_export. */
  'customers.export',
  'staff.manage',
  'store.manage',
  /** Spare parts (docs/DOMAIN.md §7): see the stock, the ticket's parts and the requisitions. */
  'parts.read',
  /** Edit the catalogue and prices: the store's admin until head office owns them (db/parts/ownership.ts). */
  'parts.catalogue',
  /** Fill in a requisition form (配件领用单) for a repair ticket. */
  'parts.request',
  /** The parts lead's signature: approve or reject requisitions, post stocktakes, adjust and reverse. */
  'parts.approve',
  'parts.receive',
  /** Draft, submit, cancel and close short purchase orders (采购单): the parts group. */
  'parts.order',
  /** Approve a purchase order worth more than the store's threshold (the parts lead approves up to it): the manager. */
  'parts.approveLargeOrder',
  /** Set the store's purchasing rules (the approval threshold): the manager. */
  'parts.purchaseSettings',
  'parts.issue',
  'parts.count',
  'parts.reports',
  /** Put slow stock on clearance at a reduced price, or end it (the price a job is charged): parts lead and manager. */
  'parts.clearance',
  /** Choose this PC's printers per form, and read the store's print log (who printed what when). */
  'print.setup',
  /** Service tickets (docs/DOMAIN.md §2–§6): see them; take them at the counter; work them (each step's roles are in db/tickets/machines/); holidays and follow-up settings. */
  'tickets.read',
  'tickets.intake',
  'tickets.work',
  'tickets.settings',
  /** Complaint analysis and staff performance (docs/DOMAIN.md §3, §8): leads and managers. */
  'tickets.reports',
  /** Schedule repairs from the board and see every technician's day (docs/DOMAIN.md §5): repair leads and managers. */
  'tickets.dispatch',
  /** Work repair jobs as a technician: their own "my jobs today" with the addresses of their visits. */
  'tickets.ownJobs',
  /** Charges and payments: add labour, void a line, take deposits and payments, see the day's takings (not technicians or the parts group). */
  'charges.take',
  /** Give a discount on a ticket's charges, with a reason: leads and managers. */
  'charges.discount',
  /** Refund a payment, with a reason: leads and managers. */
  'charges.refund',
  /** Let a repair be closed on a service form changed after the customer signed it, recording why (db/tickets/signature-check.ts): leads and managers. */
  'tickets.acceptChangedForm',
  /** Write a job's estimate (报价单) and hand it to the customer: those who price the work at the counter or at the bench. */
  'charges.estimate',
  /** Edit the customer messages' templates and quiet hours (db/messages/settings.ts). */
  'messages.settings',
  /**
   * Decide a refund outside the product category's return window, or an exchange outside its exchange
   * window (三包, docs/architecture/sanbao-rules.md), with a recorded reason: after-sales managers and admin.
   */
  'aftersales.outsideWindow',
  /** Back up this PC's database, choose the backup folder and restore a backup (it replaces the whole store). */
  'backup.manage',
  /** Export the diagnostics zip for support (logs, versions, sync state, settings; no customer data): admin only. */
  'diagnostics.export',
  /**
   * Plan training and run assessments for everyone (docs/DOMAIN.md §8b): set the weights, rate any
   * person, close a period, print and export its ranking. After-sales managers and admin.
   */
  'training.manage',
  /**
   * A group lead's share of it: plan training for, record results of and rate the members of their
   * own group only (db/training/groups.ts decides the group).
   */
  'training.lead',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: ReadonlyArray<Permission> = ['customers.read', 'parts.read', 'tickets.read'];
const partsClerk: ReadonlyArray<Permission> = [
  'parts.receive',
  'parts.order',
  'parts.issue',
  'parts.count',
  'parts.reports',
];
const counter: ReadonlyArray<Permission> = [
  ...everyone,
  'customers.write',
  'customers.personal',
  'tickets.intake',
  'tickets.work',
  'charges.take',
  'charges.estimate',
];
const moneyLead: ReadonlyArray<Permission> = ['charges.discount', 'charges.refund'];
const customerLead: ReadonlyArray<Permission> = [
  'customers.tier',
  'customers.merge',
  'customers.import',
  'customers.export',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlyArray<Permission>>> = {
  counter_staff: counter,
  cs_lead: [
    ...counter,
    ...customerLead,
    ...moneyLead,
    'tickets.reports',
    'tickets.acceptChangedForm',
    'messages.settings',
    'training.lead',
  ],
  repair_lead: [
    ...counter,
    'parts.request',
    'tickets.reports',
    'tickets.dispatch',
    'tickets.acceptChangedForm',
    'training.lead',
  ],
  technician: [...everyone, 'parts.request', 'tickets.work', 'tickets.ownJobs', 'charges.estimate'],
  parts_lead: [...everyone, ...partsClerk, 'parts.approve', 'parts.clearance', 'training.lead'],
  parts_clerk: [...everyone, ...partsClerk],
  aftersales_manager: [
    ...counter,
    ...customerLead,
    ...moneyLead,
    'parts.reports',
    'parts.clearance',
    'parts.approveLargeOrder',
    'parts.purchaseSettings',
    'tickets.settings',
    'tickets.reports',
    'tickets.dispatch',
    'tickets.acceptChangedForm',
    'messages.settings',
    'aftersales.outsideWindow',
    'training.manage',
  ],
  admin: PERMISSIONS,
};

export function roleCan(role: string, permission: Permission): boolean {
  return (
    (ROLE_PERMISSIONS as Record<string, ReadonlyArray<Permission> | undefined>)[role]?.includes(permission) ?? false
  );
}
