/**
 * Form values checked with the contract's zod schema before a call, and the call's own errors put
 * back on the fields they name (or above the buttons). The schemas' messages are error keys.
 */
import type { UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import type { DeskError } from '../../../db/api';
import type { FormValues } from './spec-fields';

/** The parsed value, or null after marking each problem on its field. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
  setError: UseFormSetError<FormValues>,
  fields: ReadonlyArray<string>,
  prefix = '',
): z.output<S> | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  let placed = false;
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.').slice(prefix.length).split('.')[0] ?? '';
    if (fields.includes(field)) {
      setError(field, { type: 'validation', message: issue.message });
      placed = true;
    }
  }
  if (!placed)
    setError('root.server', { type: 'validation', message: parsed.error.issues[0]?.message ?? 'invalid_input' });
  return null;
}

/** A refused call: on the field it names (`step.reason` → `reason`), else above the buttons. */
export function showDeskError(
  error: DeskError,
  setError: UseFormSetError<FormValues>,
  fields: ReadonlyArray<string>,
  prefix = '',
): void {
  const named = (error.issues ?? []).map((i) => ({ field: i.field, key: i.key }));
  if (named.length === 0 && error.field !== undefined) named.push({ field: error.field, key: error.key });
  let placed = false;
  for (const { field, key } of named) {
    const name = (field.startsWith(prefix) ? field.slice(prefix.length) : field).split('.')[0] ?? '';
    if (fields.includes(name)) {
      setError(name, { type: 'server', message: key });
      placed = true;
    }
  }
  if (!placed) setError('root.server', { type: error.code, message: error.key });
}
