import { createContext, useContext } from 'react';
import type { Permission, SessionStatus, SignedInStaff } from '../../db/api';

export type SignedIn = Readonly<{
  staff: SignedInStaff;
  store: NonNullable<SessionStatus['store']>;
  /** Hides what the role cannot use; the dispatcher still checks every call. */
  can: (permission: Permission) => boolean;
}>;

export const SignedInContext = createContext<SignedIn | null>(null);

export function useSignedIn(): SignedIn {
  const signedIn = useContext(SignedInContext);
  if (!signedIn) throw new Error('useSignedIn() outside the signed-in shell');
  return signedIn;
}
