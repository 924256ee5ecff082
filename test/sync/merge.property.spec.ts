/**
 * The merge functions are a join semilattice (docs/SYNC.md §3a I4): commutative, associative and
 * idempotent, for every entity's policy in the registry, with head-office stamps, consent flags
 * and tombstones in the mix. So any replica that has seen the same changes, in any order, holds
 * the same state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../db/sync/hlc';
import {
  HQ_NODE,
  canonicalJson,
  losingFields,
  mergeStates,
  sameState,
  sameValue,
  stateOfChange,
  type MergePolicy,
} from '../../db/sync/merge';
import type { RecordState } from '../../db/sync/protocol';
import { syncedEntities } from '../../db/synced-entities';
import { compactState, expandState, SHARED_STAMP } from '../../db/sync/compact-state';
import { stateText } from '../../headoffice/state-json';

const { entities: registeredEntities, ruleFor } = syncedEntities;

const FIELDS = ['name', 'tier', 'doNotContact', 'notes', 'priceFen'] as const;
const NODES = ['0a1b', '2c3d', '4e5f', HQ_NODE];

const clock = fc
  .record({
    millis: fc.integer({ min: 1, max: 40 }),
    counter: fc.integer({ min: 0, max: 2 }),
    node: fc.constantFrom(...NODES),
  })
  .map(formatHlc);
const value = fc.oneof(
  fc.constantFrom(0, 1, true, false, null, 'created', 'cancelled', 'shipped'),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -5, max: 5 }),
);
const change = fc.record({
  op: fc.constantFrom('insert', 'update', 'delete', 'append'),
  fields: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 3 }),
  hlc: clock,
});
/** States as a replica holds them: built from changes by the policy's own merge. */
const stateUnder = (policy: MergePolicy): fc.Arbitrary<RecordState> =>
  fc.array(change, { maxLength: 4 }).map((changes) =>
    changes.reduce((s, c) => mergeStates(policy, s, stateOfChange(c.op, c.fields, c.hlc)), {
      fields: {},
      clocks: {},
      deleted: null,
    } as RecordState),
  );

const POLICIES: Array<[string, MergePolicy]> = [
  ['plain last writer wins', {}],
  ['customer (consent wins, tier is head office’s)', { trueWins: ['doNotContact'], hqFields: ['tier'] }],
  ['head-office owned', { hqFields: 'all' }],
  ['a status ranked over its stamps', { precedence: { notes: ['created', 'cancelled', 'shipped'] } }],
  ...registeredEntities().map((entity): [string, MergePolicy] => [entity, ruleFor(entity)!.policy]),
];

const same = (a: RecordState, b: RecordState): boolean => {
  expect(canonicalJson(a)).toBe(canonicalJson(b));
  return true;
};

describe.each(POLICIES)('merge rule: %s', (_name, policy) => {
  const state = stateUnder(policy);
  it('is commutative', () => {
    fc.assert(
      fc.property(state, state, (a, b) => same(mergeStates(policy, a, b), mergeStates(policy, b, a))),
      { numRuns: 300 },
    );
  });
  it('is associative', () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) =>
        same(mergeStates(policy, mergeStates(policy, a, b), c), mergeStates(policy, a, mergeStates(policy, b, c))),
      ),
      { numRuns: 300 },
    );
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        same(mergeStates(policy, a, a), a);
        const ab = mergeStates(policy, a, b);
        return same(mergeStates(policy, ab, b), ab);
      }),
      { numRuns: 300 },
    );
  });
  it('reaches the same state from the same changes in any order', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), fc.func(fc.integer()), (changes, order) => {
        const empty: RecordState = { fields: {}, clocks: {}, deleted: null };
        const apply = (list: typeof changes) =>
          list.reduce((s, c) => mergeStates(policy, s, stateOfChange(c.op, c.fields, c.hlc)), empty);
        const shuffled = [...changes].sort((x, y) => order(x) - order(y));
        same(apply(changes), apply(shuffled));
      }),
      { numRuns: 300 },
    );
  });
});

describe('state comparison (head office’s fast path)', () => {
  // Values as JSON can hold them, objects with keys in either order and null beside undefined.
  const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    leaf: fc.oneof(
      fc.constantFrom(0, 1, -0, true, false, null, undefined, '', '1'),
      fc.string({ maxLength: 2 }),
      fc.integer({ min: -2, max: 2 }),
    ),
    node: fc.oneof(
      { maxDepth: 2 },
      tie('leaf'),
      fc.array(tie('node'), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
    ),
  })).node;
  const anyState = fc.record({
    fields: fc.dictionary(fc.constantFrom(...FIELDS), json, { maxKeys: 3 }),
    clocks: fc.dictionary(fc.constantFrom(...FIELDS), clock, { maxKeys: 3 }),
    deleted: fc.option(clock, { nil: null }),
  }) as fc.Arbitrary<RecordState>;
  const reordered = (state: RecordState): RecordState => ({
    deleted: state.deleted,
    clocks: Object.fromEntries(Object.entries(state.clocks).reverse()),
    fields: Object.fromEntries(Object.entries(state.fields).reverse()),
  });

  it('sameValue agrees with canonical JSON', () => {
    fc.assert(
      fc.property(json, json, (a, b) => sameValue(a, b) === (canonicalJson(a) === canonicalJson(b))),
      { numRuns: 2000 },
    );
  });
  it('sameState agrees with canonical JSON, whatever the key order', () => {
    fc.assert(
      fc.property(anyState, anyState, (a, b) => {
        expect(sameState(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameState(a, reordered(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it('losingFields names the fields whose stamp or value the merge did not keep', () => {
    const policy = ruleFor('customer')!.policy;
    fc.assert(
      fc.property(anyState, change, (a, c) => {
        const delta = stateOfChange(c.op, c.fields, c.hlc);
        const merged = mergeStates(policy, a, delta);
        const expected = Object.keys(delta.clocks).filter(
          (f) =>
            f in merged.clocks &&
            (merged.clocks[f] !== delta.clocks[f] ||
              canonicalJson(merged.fields[f]) !== canonicalJson(delta.fields[f])),
        );
        expect(losingFields(delta, merged)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('states as text (compact-state.ts)', () => {
  const anyPolicy = fc.constantFrom(...POLICIES.map(([, policy]) => policy));
  const merged = anyPolicy.chain((policy) => stateUnder(policy));

  it('expanding a compacted state gives it back, and compacting twice changes nothing', () => {
    fc.assert(
      fc.property(merged, (state) => {
        const compact = compactState(state);
        expect(canonicalJson(expandState(compact))).toBe(canonicalJson(state));
        expect(compactState(compact)).toBe(compact);
        expect(expandState(state)).toBe(state);
      }),
      { numRuns: 2000 },
    );
  });
  it('names a record written in one go by one stamp, and only the fields stamped otherwise', () => {
    const at = formatHlc({ millis: 5, counter: 0, node: '0a1b' });
    const later = formatHlc({ millis: 9, counter: 0, node: '2c3d' });
    const state = mergeStates(
      {},
      stateOfChange('insert', { name: '张三', tier: 'regular', notes: '' }, at),
      stateOfChange('update', { notes: '回访' }, later),
    );
    expect(compactState(state).clocks).toEqual({ [SHARED_STAMP]: at, notes: later });
    // Head office's text of a state is the compact one, about half the bytes of the expanded one here.
    const text = stateText(state);
    expect(JSON.parse(text)).toEqual(compactState(state));
    expect(text.length).toBeLessThan(JSON.stringify(state).length);
  });
  it('leaves a state alone when a field has no stamp of its own', () => {
    const odd = { fields: { a: 1, b: 2 }, clocks: { a: 'x' }, deleted: null };
    expect(compactState(odd)).toBe(odd);
  });
});

describe('the rules themselves', () => {
  const s = (fields: Record<string, unknown>, hlc: string) => stateOfChange('update', fields, hlc);
  const at = (millis: number, node: string) => formatHlc({ millis, counter: 0, node });

  it('keeps the later write of a field and both writes of different fields', () => {
    const merged = mergeStates({}, s({ name: '张三', notes: 'a' }, at(1, '0a1b')), s({ name: '张叁' }, at(2, '2c3d')));
    expect(merged.fields).toEqual({ name: '张叁', notes: 'a' });
  });
  it('lets do-not-contact win over a later "contact ok"', () => {
    const merged = mergeStates(
      { trueWins: ['doNotContact'] },
      s({ doNotContact: 1 }, at(1, '0a1b')),
      s({ doNotContact: 0 }, at(9, '2c3d')),
    );
    expect(merged.fields.doNotContact).toBe(1);
  });
  it('lets head office’s tier beat a later store edit', () => {
    const merged = mergeStates(
      { hqFields: ['tier'] },
      s({ tier: 'gold' }, at(1, HQ_NODE)),
      s({ tier: 'vip' }, at(9, '2c3d')),
    );
    expect(merged.fields.tier).toBe('gold');
  });
  it('keeps a delete over a later update (no resurrection)', () => {
    const merged = mergeStates({}, stateOfChange('delete', {}, at(1, '0a1b')), s({ name: 'x' }, at(9, '2c3d')));
    expect(merged.deleted).toBe(at(1, '0a1b'));
  });
});
