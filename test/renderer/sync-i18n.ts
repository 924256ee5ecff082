/** The Sync page's texts as a test reads them: a translator per language, and a text's {{placeholders}}. */
import i18next, { type TFunction } from 'i18next';
import { syncEn } from '../../renderer/i18n/sync.en';
import { syncZhCN } from '../../renderer/i18n/sync.zh-CN';

export async function syncTranslator(lng: 'en' | 'zh-CN'): Promise<TFunction<'sync'>> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { en: { sync: syncEn }, 'zh-CN': { sync: syncZhCN } },
    ns: ['sync'],
    defaultNS: 'sync',
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(lng, 'sync') as unknown as TFunction<'sync'>;
}

/** The distinct {{names}} a text interpolates, sorted. */
export const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
