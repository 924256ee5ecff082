/**
 * A print window's entry (main.tsx loads it for a `#/print/…` address): the form alone, with only
 * what it needs — the forms, their codes and fonts, the print texts — and none of the app's pages,
 * antd or other texts, so a form reaches its "ready" signal without loading the app. Another print
 * address in the same window shows that form; any other address reloads, so the app starts as it
 * would from its own address.
 */
import i18next from 'i18next';
import { StrictMode, useEffect, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { isPrintHash, parsePrintRouteHash } from '../../db/api';
import { desk } from '../desk';
import { initialLanguage, LANGUAGES, type Language } from '../i18n/language';
import { printEn } from '../i18n/print.en';
import { printZhCN } from '../i18n/print.zh-CN';
import { PrintRoute } from './print-route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function PrintWindow() {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const leaving = !isPrintHash(hash);
  useEffect(() => {
    if (leaving) window.location.reload();
  }, [leaving]);
  return leaving ? null : <PrintRoute hash={hash} />;
}

/** The language a form without its own (`?lang=`) is printed in: the app's, forced or chosen. */
async function fallbackLanguage(): Promise<Language> {
  const parsed = parsePrintRouteHash(window.location.hash);
  if (parsed.ok && parsed.route.language) return parsed.route.language;
  const info = await desk.call('app.info', {});
  return initialLanguage(info.ok ? info.value.forcedLanguage : null);
}

export async function start(): Promise<void> {
  const language = await fallbackLanguage();
  await i18next.use(initReactI18next).init({
    resources: { en: { print: printEn }, 'zh-CN': { print: printZhCN } },
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    ns: ['print'],
    defaultNS: 'print',
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <PrintWindow />
    </StrictMode>,
  );
}
