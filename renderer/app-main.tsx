/** The app (main.tsx loads it for any address but a print route): the language first, then the first screen. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { desk } from './desk';
import { initI18n } from './i18n';
import { initialLanguage } from './i18n/language';
import { Root } from './root';
import './styles.css';

export async function start(): Promise<void> {
  // The forced language (setting or environment) decides the first screen's language.
  const info = await desk.call('app.info', {});
  initI18n(initialLanguage(info.ok ? info.value.forcedLanguage : null));
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
