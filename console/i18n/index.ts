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
import { calendarEn } from './calendar.en';
import { calendarZhCN } from './calendar.zh-CN';
import { catalogueEn } from './catalogue.en';
import { catalogueZhCN } from './catalogue.zh-CN';
import { categoriesEn } from './categories.en';
import { categoriesZhCN } from './categories.zh-CN';
import { commonEn } from './common.en';
import { commonZhCN } from './common.zh-CN';
import { customersEn } from './customers.en';
import { customersZhCN } from './customers.zh-CN';
import { homeEn } from './home.en';
import { homeZhCN } from './home.zh-CN';
import { hoursEn } from './hours.en';
import { hoursZhCN } from './hours.zh-CN';
import { joinEn } from './join.en';
import { joinZhCN } from './join.zh-CN';
import { messagesEn } from './messages.en';
import { messagesZhCN } from './messages.zh-CN';
import { reportsEn } from './reports.en';
import { reportsZhCN } from './reports.zh-CN';
import { staffEn } from './staff.en';
import { staffZhCN } from './staff.zh-CN';
import { standardsEn } from './standards.en';
import { standardsZhCN } from './standards.zh-CN';
import { storesEn } from './stores.en';
import { storesZhCN } from './stores.zh-CN';
import { tiersEn } from './tiers.en';
import { tiersZhCN } from './tiers.zh-CN';

export const resources = {
  'zh-CN': {
    common: commonZhCN,
    home: homeZhCN,
    stores: storesZhCN,
    customers: customersZhCN,
    join: joinZhCN,
    messages: messagesZhCN,
    reports: reportsZhCN,
    catalogue: catalogueZhCN,
    categories: categoriesZhCN,
    tiers: tiersZhCN,
    standards: standardsZhCN,
    calendar: calendarZhCN,
    hours: hoursZhCN,
    staff: staffZhCN,
    audit: auditZhCN,
  },
  en: {
    common: commonEn,
    home: homeEn,
    stores: storesEn,
    customers: customersEn,
    join: joinEn,
    messages: messagesEn,
    reports: reportsEn,
    catalogue: catalogueEn,
    categories: categoriesEn,
    tiers: tiersEn,
    standards: standardsEn,
    calendar: calendarEn,
    hours: hoursEn,
    staff: staffEn,
    audit: auditEn,
  },
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
