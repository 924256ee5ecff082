/** Product categories in the current language, read once per screen. */
import { useTranslation } from 'react-i18next';
import type { CategoryChoice, ProductCategory } from '../../../db/api';
import { useDeskQuery } from '../../use-desk';

export function useCategories(): ReadonlyArray<ProductCategory> {
  const { state } = useDeskQuery('customers.categories', {});
  return state.value ?? [];
}

/** The categories with their pinyin, for the picker, and whether they are still being read. */
export function useCategoryChoices(): { list: ReadonlyArray<CategoryChoice>; loading: boolean } {
  const { state } = useDeskQuery('customers.categories', {});
  return { list: state.value ?? [], loading: state.status === 'loading' };
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
