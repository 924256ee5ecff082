/** The signed-in staff member and what their role may do, for hiding what they cannot use. */
import { createContext, useContext } from 'react';
import type { ConsolePermission } from '../headoffice/console/contract/roles';
import type { ConsoleStaff } from '../headoffice/console/contract/session';

export type ConsoleSession = {
  staff: ConsoleStaff;
  permissions: ReadonlyArray<ConsolePermission>;
  can(permission: ConsolePermission): boolean;
  signOut(): Promise<void>;
};

export const SessionContext = createContext<ConsoleSession | null>(null);

export function useStaff(): ConsoleSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useStaff outside the signed-in console');
  return session;
}
