/** A refused save's error, kept to show under the field it names (or above the form when it names none). */
import { useState } from 'react';
import type { DeskError } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';

export function useFieldError() {
  const [error, setError] = useState<DeskError | null>(null);
  const errorText = useErrorText();
  /** Form.Item props for a field: red with the message when the refusal names it (or one of its rows). */
  const on = (field: string) =>
    error?.field === field || error?.field?.startsWith(`${field}.`)
      ? { validateStatus: 'error' as const, help: errorText(error.key) }
      : {};
  const general = error && !error.field ? errorText(error.key) : null;
  return { error, setError, on, general, errorText };
}
