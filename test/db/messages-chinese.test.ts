/**
 * A Chinese counter never reads an English sentence from the desk: every validation refusal of
 * every method (inputs shaped from its schema, near-valid and hostile, many seeds) names a message
 * key, and every key's Chinese text is Chinese. A zod default ("Invalid input: expected string")
 * would reach the screen as the bare "invalid value", or in English through error.message.
 */
import { describe, expect, it } from 'vitest';
import { englishMessage, errorMessages, isMessageKey } from '../../db/messages';
import { deskMethods, isMethodName } from '../../db/methods';
import { hostile, inputShape, seededRng, shaped, type Pools } from '../support/fuzz-input';

const ROUNDS = 40;
/** A sentence with no letter outside ASCII is English (or code) on a Chinese screen. */
const ASCII_ONLY = /^[\x20-\x7e]*$/;
/** Paging, copy numbers, import line numbers, a signature's canvas size: set by the page, never typed. */
const PROGRAM_SET = /(^|\.)(limit|offset|copyNo|year|line|width|height)$/;

describe('validation messages in Chinese', () => {
  it('every key has a Chinese text that is not ASCII-only', () => {
    const english = Object.entries(errorMessages)
      .filter(([, text]) => ASCII_ONLY.test(text.zh))
      .map(([key]) => key);
    expect(english).toEqual([]);
  });

  it('every method refuses bad input with message keys only, never zod’s own English', () => {
    const raw = new Map<string, string>();
    const pools: Pools = { ids: ['01JD0000000000000000000000'], hostility: 0 };
    const methods = Object.keys(deskMethods).filter(isMethodName);
    let refusals = 0;
    for (const [index, method] of methods.entries()) {
      const schema = deskMethods[method].input;
      const shape = inputShape(schema);
      for (let round = 0; round < ROUNDS; round++) {
        const rng = seededRng(round * 7919 + index);
        pools.hostility = rng.pick([0, 0.05, 0.3]);
        const input = round < 3 ? [undefined, {}, hostile(rng)][round] : shaped(shape, rng, pools);
        const parsed = schema.safeParse(input ?? {});
        if (parsed.success) continue;
        refusals += 1;
        for (const issue of parsed.error.issues) {
          // A wrong type is a hand-made call, not a form, and so is a value outside a fixed list
          // (the page offers only the list) or a number only the program sets: the dispatcher
          // answers those with invalid_value, in Chinese. What a person types must name its own key.
          if (issue.code === 'invalid_type' || issue.code === 'invalid_value') continue;
          if (PROGRAM_SET.test(issue.path.join('.'))) continue;
          if (!isMessageKey(issue.message)) raw.set(`${method} ${issue.path.join('.')}`, issue.message);
        }
      }
    }
    expect(refusals).toBeGreaterThan(methods.length);
    expect(Object.fromEntries(raw)).toEqual({});
    expect(englishMessage('required')).toBe('This field is required');
  });
});
