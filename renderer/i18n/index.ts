/**
 * i18next set-up: `common` holds the UI text, `errors` the error messages from db/messages.ts
 * (one list shared with the dispatcher, so the two never drift).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { errorMessages, type MessageKey } from '../../db/api';
import { backupEn } from './backup.en';
import { backupZhCN } from './backup.zh-CN';
import { boardEn } from './board.en';
import { boardZhCN } from './board.zh-CN';
import { chargesEn } from './charges.en';
import { chargesZhCN } from './charges.zh-CN';
import { customersEn } from './customers.en';
import { customersZhCN } from './customers.zh-CN';
import { en } from './en';
import { LANGUAGES, saveLanguage, type Language } from './language';
import { partsEn } from './parts.en';
import { partsZhCN } from './parts.zh-CN';
import { printEn } from './print.en';
import { printZhCN } from './print.zh-CN';
import { syncEn } from './sync.en';
import { syncZhCN } from './sync.zh-CN';
import { ticketsEn } from './tickets.en';
import { ticketsZhCN } from './tickets.zh-CN';
import { trainingEn } from './training.en';
import { trainingZhCN } from './training.zh-CN';
import { zhCN } from './zh-CN';

export { currentLanguage } from './language';

type ErrorTexts = Record<MessageKey, string>;

function errorTexts(language: 'en' | 'zh'): ErrorTexts {
  const entries = Object.entries(errorMessages).map(([key, text]) => [key, text[language]]);
  return Object.fromEntries(entries) as ErrorTexts;
}

export const resources = {
  en: {
    common: en,
    errors: errorTexts('en'),
    print: printEn,
    cust: customersEn,
    parts: partsEn,
    tickets: ticketsEn,
    sync: syncEn,
    backup: backupEn,
    board: boardEn,
    charges: chargesEn,
    training: trainingEn,
  },
  'zh-CN': {
    common: zhCN,
    errors: errorTexts('zh'),
    print: printZhCN,
    cust: customersZhCN,
    parts: partsZhCN,
    tickets: ticketsZhCN,
    sync: syncZhCN,
    backup: backupZhCN,
    board: boardZhCN,
    charges: chargesZhCN,
    training: trainingZhCN,
  },
} satisfies Record<Language, unknown>;

function setDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = i18next.t('app.name', { lng: language });
}

export function initI18n(language: Language): typeof i18next {
  i18next.on('languageChanged', setDocumentLanguage);
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    ns: ['common', 'errors'],
    defaultNS: 'common',
    // Error keys and zod messages are used whole: never split them on ':'.
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  setDocumentLanguage(language);
  return i18next;
}

export function switchLanguage(language: Language): void {
  saveLanguage(language);
  void i18next.changeLanguage(language);
}

/** Is this string a key of the `errors` namespace (server and zod messages are keys)? */
export function isErrorKey(key: string): key is MessageKey {
  return Object.hasOwn(errorMessages, key);
}
