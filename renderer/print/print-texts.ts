/** The `print` namespace fixed to the form's language, whatever language the app shows. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PrintLanguage } from '../../db/api';

export type PrintT = TFunction<'print'>;

export function usePrintTexts(language: PrintLanguage): PrintT {
  return useTranslation('print', { lng: language }).t;
}
