/**
 * The print route, `#/print/<form>/<id>?lang=…&copy=…&paper=…`, rendered WITHOUT the app shell:
 * only the form, on its paper (`@page`), in its language. It reads the form's data from the
 * address when its loader put it there (the Electron print window has no desk), else through the
 * desk. When the fonts are in, it announces "ready" (db/print/signal.ts) with the content's
 * height, which an 80 mm receipt's paper length follows; on any failure it announces the error,
 * so nothing waits forever for a page that will never be ready.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  formNumber,
  paperFor,
  parsePrintRouteHash,
  type FormDataOf,
  type PrintForm,
  type PrintLanguage,
  type PrintRoute as Route,
} from '../../db/api';
import i18next from 'i18next';
import { currentLanguage } from '../i18n/language';
import { formatDateTime } from './format';
import { FormView } from './form-view';
import { loadFormData } from './load-form';
import { pageCss, receiptLengthMm } from './page-css';
import { usePrintTexts } from './print-texts';
import { announce, heightInMm, waitForPrintableText } from './ready';
import './print.css';

type Loaded =
  { status: 'loading' } | { status: 'ready'; data: FormDataOf[PrintForm] } | { status: 'error'; reason: string };

function useFormData(route: Route): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(() => {
    if (route.data === null) return { status: 'loading' };
    try {
      const data: unknown = JSON.parse(route.data);
      if (typeof data !== 'object' || data === null)
        return { status: 'error', reason: 'the form data is not an object' };
      return { status: 'ready', data: data as FormDataOf[PrintForm] };
    } catch {
      return { status: 'error', reason: 'the form data is not JSON' };
    }
  });
  useEffect(() => {
    if (route.data !== null) return;
    let live = true;
    void loadFormData(route.form, route.subjectId).then((result) => {
      if (!live) return;
      setLoaded(
        result.ok
          ? { status: 'ready', data: result.value }
          : { status: 'error', reason: `${result.error.code}: ${result.error.message}` },
      );
    });
    return () => {
      live = false;
    };
  }, [route]);
  return loaded;
}

export function PrintRoute({ hash }: { hash: string }) {
  const parsed = useMemo(() => parsePrintRouteHash(hash), [hash]);
  useEffect(() => {
    if (!parsed.ok) announce({ state: 'error', reason: parsed.reason });
  }, [parsed]);
  if (!parsed.ok) return <p role="alert">{parsed.reason}</p>;
  return <LoadedRoute key={hash} route={parsed.route} />;
}

function LoadedRoute({ route }: { route: Route }) {
  const language: PrintLanguage = route.language ?? currentLanguage(i18next.language);
  const loaded = useFormData(route);
  useEffect(() => {
    if (loaded.status === 'error') announce({ state: 'error', reason: loaded.reason });
  }, [loaded]);
  if (loaded.status === 'loading') return null;
  if (loaded.status === 'error') return <p role="alert">{loaded.reason}</p>;
  return <PrintPage route={route} language={language} data={loaded.data} />;
}

function PrintPage({ route, language, data }: { route: Route; language: PrintLanguage; data: FormDataOf[PrintForm] }) {
  const t = usePrintTexts(language);
  const paper = paperFor(route.form, route.paper);
  const root = useRef<HTMLDivElement>(null);
  /** The receipt's measured height; null until measured (A4/A5 need none). */
  const [contentMm, setContentMm] = useState<number | null>(null);
  const [printedAt] = useState(() => new Date().toISOString());

  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    let live = true;
    const element = root.current;
    if (!element) return;
    waitForPrintableText(element)
      .then(() => {
        if (!live) return;
        const height = heightInMm(element);
        setContentMm(height);
      })
      .catch((error: unknown) =>
        announce({ state: 'error', reason: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    // Announced once the @page rule carries the measured length (it is in the DOM by now).
    if (contentMm === null) return;
    // The form's own title (its heading and number) for the PDF and the print job: see USE_FORM_TITLE_SCRIPT.
    const heading = root.current?.querySelector('.pf-title')?.textContent?.trim() ?? '';
    const title = [heading, formNumber(route.form, data)].filter(Boolean).join(' ');
    document.documentElement.dataset.printTitle = title;
    announce({ state: 'ready', heightMm: paper === 'receipt-80' ? receiptLengthMm(contentMm) : contentMm });
    if (route.autoPrint) {
      document.title = title;
      window.print();
    }
  }, [contentMm, paper, route.autoPrint, route.form, data]);

  const css = pageCss(
    paper,
    { pages: t('sheet.pages'), printedAt: t('sheet.printedAt', { at: formatDateTime(printedAt) }) },
    contentMm ?? undefined,
  );
  return (
    <div className="pf-root" lang={language} ref={root} data-form={route.form} data-paper={paper}>
      <style>{css}</style>
      <FormView form={route.form} data={data} copyNo={route.copyNo} language={language} paper={paper} />
    </div>
  );
}
