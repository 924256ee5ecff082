/**
 * i18next for the console: `common` for the shell and shared words, one namespace per page
 * (`console/i18n/<page>.zh-CN.ts` / `.en.ts`, added below). Chinese first; the choice is kept in the
 * browser like the counter's (renderer/i18n/language.ts).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { saveLanguage, type Language } from '../../renderer/i18n/language';
import { auditEn } from './audit.en';
import { auditZhCN } from './audit.zh-CN';
import { commonEn } from './common.en';
import { commonZhCN } from './common.zh-CN';
import { homeEn } from './home.en';
import { homeZhCN } from './home.zh-CN';
import { joinEn } from './join.en';
import { joinZhCN } from './join.zh-CN';
import { staffEn } from './staff.en';
import { staffZhCN } from './staff.zh-CN';

export const resources = {
  'zh-CN': { common: commonZhCN, home: homeZhCN, staff: staffZhCN, audit: auditZhCN, join: joinZhCN },
  en: { common: commonEn, home: homeEn, staff: staffEn, audit: auditEn, join: joinEn },
} as const;

export function initI18n(language: Language): void {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export function switchLanguage(language: Language): void {
  saveLanguage(language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}
