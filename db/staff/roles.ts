/**
 * Roles from DOMAIN.md and what each may do. The dispatcher checks these in the main process for
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
  'staff.manage',
  'store.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: ReadonlyArray<Permission> = ['customers.read'];
const counter: ReadonlyArray<Permission> = [...everyone, 'customers.write'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlyArray<Permission>>> = {
  counter_staff: counter,
  cs_lead: [...counter, 'customers.tier'],
  repair_lead: counter,
  technician: everyone,
  parts_lead: everyone,
  parts_clerk: everyone,
  aftersales_manager: [...counter, 'customers.tier'],
  admin: PERMISSIONS,
};

export function roleCan(role: string, permission: Permission): boolean {
  return (ROLE_PERMISSIONS as Record<string, ReadonlyArray<Permission> | undefined>)[role]?.includes(permission) ?? false;
}
