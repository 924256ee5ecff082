import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { DeskError } from '../../db/api';

/** Where a server error belongs: on a field of this form, or above its buttons. */
export function applyDeskError<T extends FieldValues>(
  error: DeskError,
  setError: UseFormSetError<T>,
  isField: (path: string) => path is FieldPath<T>,
): void {
  const issues = error.issues ?? [];
  let placed = false;
  for (const issue of issues) {
    const path = toPath(issue.field);
    if (isField(path)) {
      setError(path, { type: 'server', message: issue.key });
      placed = true;
    }
  }
  if (issues.length === 0 && error.field !== undefined) {
    const path = toPath(error.field);
    if (isField(path)) {
      setError(path, { type: 'server', message: error.key });
      placed = true;
    }
  }
  if (!placed) setError('root.server', { type: error.code, message: error.key });
}

/** `phones[0].number` and `phones.0.number` both name the same react-hook-form path. */
function toPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/** A field check for forms whose fields are the given top-level names (and what is under them). */
export function fieldsOf<T extends FieldValues>(
  ...roots: ReadonlyArray<string>
): (path: string) => path is FieldPath<T> {
  return (path): path is FieldPath<T> => roots.includes(path.split('.')[0] ?? '');
}
