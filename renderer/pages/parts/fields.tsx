/**
 * Form controls the parts forms add to renderer/forms: money kept in fen but typed in yuan, a
 * local date, a part picker that searches the catalogue as you type, and the error line under a
 * dialog's single field.
 */
import { InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PartSummary } from '../../../db/api';
import { describedBy, FieldFrame } from '../../forms/fields';
import { useDebounced } from '../../use-debounced';
import { useDeskQuery } from '../../use-desk';
import { yuanToFen } from './format';

type BoundProps<T extends FieldValues, O> = {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  id: string;
  label: string;
  required?: boolean;
  help?: string;
};

/** The form value is integer fen; the clerk types yuan with up to two decimals. */
export function MoneyField<T extends FieldValues, O>({ control, name, id, label, required, help }: BoundProps<T, O>) {
  const { field, fieldState } = useController({ control, name });
  const { ref, value, onChange, onBlur } = field;
  const error = fieldState.error?.message;
  const fen = typeof value === 'number' ? value : null;
  return (
    <FieldFrame id={id} label={label} error={error} required={required} help={help}>
      <InputNumber
        {...describedBy(id, error, help)}
        name={name}
        ref={ref}
        prefix="¥"
        min={0}
        step={1}
        precision={2}
        value={fen === null ? null : fen / 100}
        onChange={(yuan) => onChange(yuanToFen(typeof yuan === 'number' ? yuan : null))}
        onBlur={onBlur}
        style={{ width: 160 }}
      />
    </FieldFrame>
  );
}

/** Parts forms use the one date picker. */
export { DateField } from '../../forms/fields';

type PartSelectProps = {
  id?: string;
  value: string | undefined;
  onChange: (partId: string, part: PartSummary | undefined) => void;
  /** Accessible name, e.g. "Part on line 2". */
  label: string;
  invalid?: boolean;
  describedById?: string | undefined;
  /** The part already chosen, so its label shows before any search. */
  initial?: Pick<PartSummary, 'id' | 'partNo' | 'name'> | undefined;
};

/** Type part of a number, name or model; the catalogue answers. */
export function PartSelect({ id, value, onChange, label, invalid, describedById, initial }: PartSelectProps) {
  const { t } = useTranslation('parts');
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 150);
  const { state } = useDeskQuery('parts.list', { query, limit: 30 });
  const items = state.value?.items ?? [];
  const options = items.map((p) => ({ value: p.id, label: `${p.partNo} ${p.name}${p.spec ? ` (${p.spec})` : ''}` }));
  if (initial && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: `${initial.partNo} ${initial.name}` });
  return (
    <Select
      id={id}
      aria-label={label}
      aria-invalid={invalid ?? false}
      aria-describedby={describedById}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      placeholder={t('part.pick')}
      notFoundContent={state.status === 'loading' ? t('loading') : t('part.noneFound')}
      options={options}
      onChange={(partId: string) =>
        onChange(
          partId,
          items.find((p) => p.id === partId),
        )
      }
      virtual={false}
      style={{ minWidth: 260, width: '100%' }}
    />
  );
}

/** The refusal of a small dialog's action (reject, cancel, rename), under its one field; nothing when there is none. */
export function DialogError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div role="alert" style={{ color: '#cf1322', marginTop: 8 }}>
      {message}
    </div>
  );
}
