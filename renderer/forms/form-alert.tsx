import { Alert } from 'antd';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { useErrorText } from './error-text';

/** The server error that belongs to no field, shown above the form's buttons. */
export function FormAlert<T extends FieldValues>({ errors }: { errors: FieldErrors<T> }) {
  const errorText = useErrorText();
  const key = errors.root?.server?.message;
  if (key === undefined) return null;
  return <Alert type="error" showIcon title={errorText(key)} role="alert" style={{ marginBottom: 16 }} />;
}
