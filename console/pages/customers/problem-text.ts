/** Head office's refusals on this page in the reader's words. */
import i18next from 'i18next';
import { ApiError } from '../../api';
import { errorText } from '../../shell/error-text';

const CODES = ['already_linked', 'home_store', 'not_linked', 'no_store', 'store_closed', 'customer_deleted'] as const;

export function customerProblem(error: unknown): string {
  if (error instanceof ApiError && (CODES as ReadonlyArray<string>).includes(error.code))
    return i18next.t(error.code as (typeof CODES)[number], { ns: 'customers' });
  return errorText(error);
}
