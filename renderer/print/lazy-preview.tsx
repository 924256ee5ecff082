/** The print preview, loaded with the print code on first use (see print-or-app.tsx). */
import { lazy, Suspense } from 'react';
import type { PrintPreviewProps } from './print-preview';

const PrintPreview = lazy(() => import('./print-preview').then((module) => ({ default: module.PrintPreview })));

export function LazyPrintPreview(props: PrintPreviewProps) {
  return (
    <Suspense fallback={null}>
      <PrintPreview {...props} />
    </Suspense>
  );
}
