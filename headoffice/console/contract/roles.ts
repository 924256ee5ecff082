/**
 * Head-office staff roles and what each may do in the console. The server checks every request
 * against this table (headoffice/console/guard.ts); the console reads it only to hide what a role
 * cannot use.
 */
export const CONSOLE_ROLES = ['admin', 'quality', 'catalogue', 'auditor'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export const CONSOLE_PERMISSIONS = [
  'staff.manage',
  'stores.read',
  'stores.manage',
  'catalogue.read',
  'catalogue.edit',
  'standards.read',
  'standards.edit',
  'reports.read',
  'customers.read',
  'customers.edit',
  'customers.unmask',
  'join.review',
  'messages.read',
  'messages.manage',
  'audit.read',
] as const;
export type ConsolePermission = (typeof CONSOLE_PERMISSIONS)[number];

const READS: ReadonlyArray<ConsolePermission> = CONSOLE_PERMISSIONS.filter((p) => p.endsWith('.read'));

const GRANTS: Readonly<Record<ConsoleRole, ReadonlyArray<ConsolePermission>>> = {
  // The administrator runs the console: accounts, stores and PCs, and everything the others do.
  admin: CONSOLE_PERMISSIONS,
  // The service-quality manager: reports and service standards (docs/DOMAIN.md §8).
  quality: [
    'stores.read',
    'standards.read',
    'standards.edit',
    'reports.read',
    'customers.read',
    'catalogue.read',
    'messages.read',
    'messages.manage',
    'audit.read',
  ],
  // The catalogue manager: parts, prices, suppliers, and the catalogues stores bring when they join.
  catalogue: ['catalogue.read', 'catalogue.edit', 'join.review', 'stores.read', 'standards.read', 'reports.read'],
  // The auditor reads everything and changes nothing; customers stay masked.
  auditor: [...READS, 'audit.read'],
};

export function can(role: ConsoleRole, permission: ConsolePermission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: ConsoleRole): ReadonlyArray<ConsolePermission> {
  return GRANTS[role];
}
