/**
 * The end of a `switch` over a union in the renderer: `default: return exhaustive(value)`. A page
 * type, form or level added to the union is then a compile error in every `switch` that does not
 * handle it yet, instead of a component that silently renders nothing. The renderer reads nothing
 * of db/ but db/api.ts, so it keeps this one-line twin of db/assert.ts.
 */
export function exhaustive(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
