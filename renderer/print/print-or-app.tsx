/**
 * The top-level switch: a `#/print/…` address shows the print route alone (no shell, no sign-in
 * screen), anything else the app. Print windows are opened on such an address, but a test or a
 * person may also move there from the app, so the hash is watched, not read once. The print code
 * (forms, codes, fonts' CSS) is its own chunk, loaded only where a form is shown.
 */
import { lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import { isPrintHash } from '../../db/api';

const PrintRoute = lazy(() => import('./print-route').then((module) => ({ default: module.PrintRoute })));

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function PrintOrApp({ children }: { children: ReactNode }) {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  if (!isPrintHash(hash)) return children;
  return (
    <Suspense fallback={null}>
      <PrintRoute hash={hash} />
    </Suspense>
  );
}
