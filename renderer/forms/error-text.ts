import { useTranslation } from 'react-i18next';
import { isErrorKey } from '../i18n';

/**
 * Field and server errors carry message KEYS (db/messages.ts). This turns one into text in the
 * current language; a message that is not a known key (a zod default) reads as "Invalid value".
 */
export function useErrorText(): (key: string | undefined) => string {
  const { t } = useTranslation('errors');
  return (key) =>
    t(key !== undefined && isErrorKey(key) ? key : 'invalid_value', { ns: 'errors', keySeparator: false });
}
