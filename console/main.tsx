import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLanguage } from '../renderer/i18n/language';
import { ConsoleApp } from './app';
import { initI18n } from './i18n';
import './styles.css';

initI18n(initialLanguage(null));
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
