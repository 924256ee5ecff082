/** Product categories in the current language, read once per screen. */
import { useTranslation } from 'react-i18next';
import type { ProductCategory } from '../../../db/api';
import { useDeskQuery } from '../../use-desk';

export function useCategories(): ReadonlyArray<ProductCategory> {
  const { state } = useDeskQuery('customers.categories', {});
  return state.value ?? [];
}

export function useCategoryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const categories = useCategories();
  return (code) => {
    const found = categories.find((c) => c.code === code);
    if (!found) return code;
    return i18n.language.startsWith('zh') ? found.nameZh : found.nameEn;
  };
}
