/**
 * antd form controls bound to react-hook-form. Each gets a visible <label> tied to it by id, its
 * error (a message key) rendered in the current language, and aria-invalid/aria-describedby.
 */
import { Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateInput } from './date-input';
import { useErrorText } from './error-text';

type FieldFrameProps = {
  id: string;
  label: ReactNode;
  /** A message key from the errors namespace. */
  error?: string | undefined;
  help?: ReactNode;
  required?: boolean;
  children: ReactNode;
};

export function FieldFrame({ id, label, error, help, required, children }: FieldFrameProps) {
  const errorText = useErrorText();
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required ?? false}
      validateStatus={error === undefined ? undefined : 'error'}
      help={error === undefined ? undefined : <span id={`${id}-error`}>{errorText(error)}</span>}
      extra={help === undefined ? undefined : <span id={`${id}-help`}>{help}</span>}
    >
      {children}
    </Form.Item>
  );
}

/** Props that make a control point at its error and help text. */
export function describedBy(id: string, error: string | undefined, help: ReactNode) {
  const ids = [error === undefined ? null : `${id}-error`, help === undefined ? null : `${id}-help`].filter(Boolean);
  return {
    id,
    'aria-invalid': error !== undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}

type BoundProps<T extends FieldValues, O> = {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  id: string;
  label: string;
  help?: ReactNode;
  required?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
};

/** A calendar date (YYYY-MM-DD) with the one date picker (date-input.tsx). */
export function DateField<T extends FieldValues, O>(props: BoundProps<T, O> & { placeholder?: string }) {
  const { control, name, id, label, help, required, disabled, placeholder } = props;
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  return (
    <FieldFrame id={id} label={label} error={error} help={help} required={required}>
      <DateInput
        {...describedBy(id, error, help)}
        name={field.name}
        value={typeof field.value === 'string' ? field.value : ''}
        // The form keeps '' for "no date", as a text field did.
        onChange={(value) => field.onChange(value ?? '')}
        onBlur={field.onBlur}
        disabled={disabled}
        {...(placeholder === undefined ? {} : { placeholder })}
      />
    </FieldFrame>
  );
}

type TextKind = 'text' | 'pin' | 'multiline' | 'time';

export function TextField<T extends FieldValues, O>(
  props: BoundProps<T, O> & { kind?: TextKind; maxLength?: number; placeholder?: string },
) {
  const {
    control,
    name,
    id,
    label,
    help,
    required,
    autoFocus,
    disabled,
    kind = 'text',
    maxLength,
    placeholder,
  } = props;
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  const common = {
    ...describedBy(id, error, help),
    name: field.name,
    value: typeof field.value === 'string' ? field.value : '',
    onChange: (event: { target: { value: string } }) => field.onChange(event.target.value),
    onBlur: field.onBlur,
    ref: field.ref,
    autoFocus,
    disabled,
    maxLength,
    placeholder,
  };
  return (
    <FieldFrame id={id} label={label} error={error} help={help} required={required}>
      {kind === 'pin' ? (
        <Input.Password {...common} inputMode="numeric" autoComplete="off" visibilityToggle={false} />
      ) : kind === 'multiline' ? (
        <Input.TextArea {...common} autoSize={{ minRows: 3, maxRows: 8 }} />
      ) : (
        <Input {...common} type={kind === 'time' ? 'time' : 'text'} />
      )}
    </FieldFrame>
  );
}

export function NumberField<T extends FieldValues, O>(props: BoundProps<T, O> & { min: number; max: number }) {
  const { control, name, id, label, help, required, autoFocus, disabled, min, max } = props;
  const { field, fieldState } = useController({ control, name });
  const { ref, value, onChange, onBlur } = field;
  const error = fieldState.error?.message;
  return (
    <FieldFrame id={id} label={label} error={error} help={help} required={required}>
      <InputNumber
        {...describedBy(id, error, help)}
        name={name}
        value={typeof value === 'number' ? value : null}
        onChange={(next) => onChange(next)}
        onBlur={onBlur}
        ref={ref}
        min={min}
        max={max}
        precision={0}
        autoFocus={autoFocus}
        disabled={disabled}
      />
    </FieldFrame>
  );
}

export type Choice<V extends string> = { value: V; label: string };

export function SelectField<T extends FieldValues, O, V extends string>(
  props: BoundProps<T, O> & { options: ReadonlyArray<Choice<V>> },
) {
  const { control, name, id, label, help, required, disabled, options } = props;
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  const value = options.find((option) => option.value === field.value)?.value;
  return (
    <FieldFrame id={id} label={label} error={error} help={help} required={required}>
      <Select<V>
        {...describedBy(id, error, help)}
        value={value}
        onChange={(next) => field.onChange(next)}
        onBlur={field.onBlur}
        options={options.map((option) => ({ value: option.value, label: option.label }))}
        disabled={disabled}
        // Render real role="option" elements so every choice has an accessible name.
        virtual={false}
      />
    </FieldFrame>
  );
}
