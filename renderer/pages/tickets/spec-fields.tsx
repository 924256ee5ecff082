/**
 * The intake forms and step dialogs are lists of fields (what each type or step asks for); this
 * renders such a list with labelled, error-carrying controls. The values are checked with the
 * contract's own zod schema (validate-form.ts), the same one the dispatcher checks the call with.
 */
import { Checkbox, Input, Radio, Select } from 'antd';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../forms/date-input';
import { describedBy, FieldFrame } from '../../forms/fields';
import type { TicketsMessages } from '../../i18n/tickets.en';

export type FormValues = Record<string, unknown>;
type FieldName = keyof TicketsMessages['fields'];
export type Choice = Readonly<{ value: string; label: string }>;

export type FieldSpec = Readonly<
  | { name: FieldName; kind: 'text' | 'multiline'; required?: boolean; max: number }
  | {
      name: FieldName;
      kind: 'select' | 'radio';
      required?: boolean;
      options: ReadonlyArray<Choice>;
      /** Shown but not changeable (the main process refuses the change too). */
      disabled?: boolean;
      /** Why it cannot be changed, under the field. */
      help?: string;
    }
  | { name: FieldName; kind: 'date' | 'datetime'; required?: boolean }
  | { name: FieldName; kind: 'checkbox' }
>;

function SpecField({
  spec,
  control,
  idPrefix,
  autoFocus,
}: {
  spec: FieldSpec;
  control: Control<FormValues>;
  idPrefix: string;
  autoFocus: boolean;
}) {
  const { t } = useTranslation('tickets');
  const id = `${idPrefix}-${spec.name}`;
  const label = t(`fields.${spec.name}`);
  return (
    <Controller
      control={control}
      name={spec.name}
      render={({ field, fieldState }) => {
        const error = fieldState.error?.message;
        const help = spec.kind === 'select' ? spec.help : undefined;
        const a11y = describedBy(id, error, help);
        const text = typeof field.value === 'string' ? field.value : '';
        if (spec.kind === 'checkbox') {
          return (
            <FieldFrame id={id} label={null} error={error}>
              <Checkbox {...a11y} checked={field.value === true} onChange={(e) => field.onChange(e.target.checked)}>
                {label}
              </Checkbox>
            </FieldFrame>
          );
        }
        const required = spec.required ?? false;
        return (
          <FieldFrame id={id} label={label} error={error} required={required} help={help}>
            {spec.kind === 'text' ? (
              <Input
                {...a11y}
                ref={field.ref}
                value={text}
                onChange={(e) => field.onChange(e.target.value)}
                onBlur={field.onBlur}
                maxLength={spec.max}
                autoFocus={autoFocus}
              />
            ) : spec.kind === 'multiline' ? (
              <Input.TextArea
                {...a11y}
                ref={field.ref}
                value={text}
                onChange={(e) => field.onChange(e.target.value)}
                onBlur={field.onBlur}
                maxLength={spec.max}
                autoSize={{ minRows: 2, maxRows: 8 }}
                autoFocus={autoFocus}
              />
            ) : spec.kind === 'select' ? (
              <Select<string>
                {...a11y}
                value={text === '' ? undefined : text}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                options={spec.options.map((o) => ({ value: o.value, label: o.label }))}
                allowClear={!required}
                disabled={spec.disabled ?? false}
                virtual={false}
                autoFocus={autoFocus}
              />
            ) : spec.kind === 'radio' ? (
              <Radio.Group
                {...a11y}
                role="radiogroup"
                aria-label={label}
                value={text}
                onChange={(e) => field.onChange(e.target.value)}
                optionType="button"
                options={spec.options.map((o) => ({ value: o.value, label: o.label }))}
              />
            ) : spec.kind === 'date' ? (
              <DateInput {...a11y} value={text} onChange={field.onChange} onBlur={field.onBlur} />
            ) : (
              <DateInput
                {...a11y}
                withTime
                value={typeof field.value === 'string' ? field.value : undefined}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            )}
          </FieldFrame>
        );
      }}
    />
  );
}

export function SpecFields({
  specs,
  control,
  idPrefix,
}: {
  specs: ReadonlyArray<FieldSpec>;
  control: Control<FormValues>;
  idPrefix: string;
}) {
  return (
    <>
      {specs.map((spec, index) => (
        <SpecField key={spec.name} spec={spec} control={control} idPrefix={idPrefix} autoFocus={index === 0} />
      ))}
    </>
  );
}
