/** The roles table lives in the contract, which the console reads too. */
export {
  CONSOLE_PERMISSIONS,
  CONSOLE_ROLES,
  can,
  permissionsOf,
  type ConsolePermission,
  type ConsoleRole,
} from './contract/roles';
