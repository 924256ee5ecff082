/**
 * Two helpers that turn "this cannot happen" into something the compiler or the first test run
 * sees. `assert` states a fact the code relies on and narrows the type after it; `exhaustive` ends a
 * `switch` over a union so that a status, type or action added to the union is a compile error in
 * every `switch` that does not handle it yet. Both throw a plain Error: reaching them is a bug in
 * Counterdesk, never a refusal the person at the counter should read (those are DeskFailures).
 */

export class AssertionFailed extends Error {
  override name = 'AssertionFailed';
}

/** Throws when `condition` is false; afterwards TypeScript knows it holds. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionFailed(message);
}

/** The end of a `switch` over a union: `default: return exhaustive(value)`. Compiles only when every member is handled. */
export function exhaustive(value: never, what = 'value'): never {
  throw new AssertionFailed(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
