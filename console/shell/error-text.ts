/** A refusal from head office in the reader's language: known codes translated, others with head office's message. */
import i18next from 'i18next';
import { ApiError } from '../api';

const KNOWN = [
  'signed_out',
  'bad_credentials',
  'locked',
  'too_many',
  'forbidden',
  'csrf',
  'unavailable',
  'masked_search',
] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (code: string): code is Known => (KNOWN as ReadonlyArray<string>).includes(code);

export function errorText(error: unknown): string {
  const t = i18next.t;
  if (error instanceof ApiError) {
    if (isKnown(error.code)) return t(`error.${error.code}`, { ns: 'common' });
    return t('error.other', { ns: 'common', message: error.message });
  }
  if (error instanceof TypeError) return t('error.network', { ns: 'common' });
  return t('error.other', { ns: 'common', message: error instanceof Error ? error.message : String(error) });
}
