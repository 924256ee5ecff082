/**
 * A list of texts (null for none) as one SQL text[] value: `string_to_array(list, chr(30), chr(31))`,
 * the texts joined by the record separator, a null written as the unit separator alone. A text[]
 * parameter is an array literal instead, in which node-postgres escapes every quote and backslash
 * of every element and PostgreSQL unescapes them again: for a push's states and ids that was a
 * tenth of head office's time. JSON text and ids never hold a raw record separator (JSON writes
 * control characters as \u001e); a list that has one anyway, a text that is the unit separator
 * alone, or a lone empty text (which the split would read as no element) goes as an array literal.
 */
import { sql, type RawBuilder } from 'kysely';

const RS = '\u001e';
const US = '\u001f';

export function textList(values: ReadonlyArray<string | null>): RawBuilder<string[]> {
  const plain =
    !(values.length === 1 && values[0] === '') && values.every((v) => v === null || (v !== US && !v.includes(RS)));
  if (!plain) return sql<string[]>`${values}::text[]`;
  return sql<string[]>`string_to_array(${values.map((v) => v ?? US).join(RS)}::text, chr(30), chr(31))`;
}
