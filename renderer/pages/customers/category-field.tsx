/**
 * The product category picker: filters as you type (names, code, pinyin initials), and saves
 * exactly the category shown. Enter takes the typed text only when it names one category; text
 * that names none is refused on leaving the field ("unknown product category"), not swapped for
 * the first match. A product's own category shows even before the list loads or after it is
 * retired, so what is on screen is what is saved.
 */
import { Select } from 'antd';
import { useState } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CategoryChoice } from '../../../db/api';
import { describedBy, FieldFrame } from '../../forms/fields';
import { categoryMatches, categoryNamed } from './category-match';

type Props<T extends FieldValues> = {
  control: Control<T, unknown, unknown>;
  name: Path<T>;
  categories: ReadonlyArray<CategoryChoice>;
  loading: boolean;
  onUnknown: (typed: string) => void;
};

export function CategoryField<T extends FieldValues>({ control, name, categories, loading, onUnknown }: Props<T>) {
  const { t, i18n } = useTranslation('cust');
  const zh = i18n.language.startsWith('zh');
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  const [typed, setTyped] = useState('');
  const value = typeof field.value === 'string' && field.value !== '' ? field.value : undefined;
  const options = categories.map((c) => ({
    value: c.code,
    label: `${zh ? c.nameZh : c.nameEn} (${t('products.months', { count: c.warrantyMonths })})`,
  }));
  if (value !== undefined && !categories.some((c) => c.code === value)) options.unshift({ value, label: value });
  const named = categoryNamed(categories, typed);
  const id = 'product-category';
  return (
    <FieldFrame id={id} label={t('products.category')} error={error} help={t('products.categoryHelp')} required>
      <Select<string>
        {...describedBy(id, error, t('products.categoryHelp'))}
        value={value}
        loading={loading}
        options={options}
        showSearch={{
          searchValue: typed,
          onSearch: setTyped,
          filterOption: (input, option) => {
            const category = categories.find((c) => c.code === option?.value);
            return category ? categoryMatches(category, input) : option?.value === value;
          },
        }}
        // Enter picks the highlighted option: only offer one when the text names exactly one.
        defaultActiveFirstOption={named !== null}
        notFoundContent={loading ? t('products.loadingCategories') : t('products.noCategory')}
        onChange={(next) => {
          setTyped('');
          field.onChange(next);
        }}
        onBlur={() => {
          const left = typed.trim();
          setTyped('');
          field.onBlur();
          if (left === '') return;
          const only = categoryNamed(categories, left);
          if (only) field.onChange(only.code);
          else onUnknown(left);
        }}
        virtual={false}
      />
    </FieldFrame>
  );
}
