/**
 * Inputs for the desk fuzz test: junk of each method's shape (read from its zod schema as JSON
 * Schema), wrong types, huge and broken strings, far dates, extreme numbers and deep nesting.
 * Everything comes from one seeded generator, so a seed replays the same calls.
 */
import { z } from 'zod';

export type Rng = {
  next(): number;
  int(max: number): number;
  pick<T>(items: ReadonlyArray<T>): T;
  chance(p: number): boolean;
};

/** mulberry32: small, fast and the same on every machine. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

export function inputShape(schema: z.ZodType): JsonSchema {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    // A schema JSON Schema cannot describe is still fuzzed, with hostile values only.
    return {};
  }
}

/** Made once: building a 10 MB string per call would be most of the test's time. */
const HUGE = {
  oneMb: 'x'.repeat(1024 * 1024),
  tenMbCjk: '张'.repeat(10 * 1024 * 1024),
  tenMbDigits: '1'.repeat(10 * 1024 * 1024),
};

function deepObject(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value, 0: [value] };
  return value;
}
function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
const DEEP = { object: deepObject(5000), array: deepArray(5000) };

const FAR_DATES = [
  '0001-01-01',
  '9999-12-31',
  '275760-09-13',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '0001-01-01T00:00:00+08:00',
  '2026-02-30',
  '1999-12-31',
  '2101-01-01',
  '2100-12-31',
  '2000-01-01',
  '2026-11-23T09:00:00+08:00',
];

const DATE_NAME = /^(from|to|date|before)$|(On|At|Date)$/;

const NEAR_DATES = ['2026-11-23', '2026-01-01', '2026-12-31', '2026-11-30'];
const FAR_CALENDAR_DATES = [
  '0001-01-01',
  '9999-12-31',
  '1999-12-31',
  '2101-01-01',
  '2000-01-01',
  '2100-12-31',
  '0099-06-01',
];
const INSTANTS = [
  '2026-11-23T09:00:00.000Z',
  '2026-11-24T10:30:00+08:00',
  '9999-12-31T23:59:59.999Z',
  '0001-01-01T00:00:00Z',
  '2101-01-01T00:00:00+08:00',
  '1999-12-31T23:59:59Z',
];

/** Mostly well-formed dates, near and far, so a call gets past the format check to the handler. */
function dateLike(rng: Rng, key: string): string {
  if (key.endsWith('At') || key === 'before') return rng.chance(0.85) ? rng.pick(INSTANTS) : rng.pick(FAR_DATES);
  const roll = rng.next();
  return roll < 0.45 ? rng.pick(NEAR_DATES) : roll < 0.9 ? rng.pick(FAR_CALENDAR_DATES) : rng.pick(FAR_DATES);
}

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud800y',
  '😀',
  '\u202e',
  '%',
  '%E0%A4%A',
  "'; DROP TABLE customer; --",
  '\\',
  '_%',
  '\n\r\t',
  ' '.repeat(50),
  '1'.repeat(41),
  '13812345678',
  '00000000-0000-0000-0000-000000000000',
];

const EXTREME_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  2 ** 53,
  -(2 ** 53),
  -1e308,
  1e308,
  0.5,
  -1,
  0,
  Number.MIN_VALUE,
  2 ** 31,
  99_999,
  100_000,
  1_000_000_001,
];

/** A value of no particular shape, chosen to break parsers and handlers. */
export function hostile(rng: Rng): unknown {
  switch (rng.int(12)) {
    case 0:
      return rng.pick([HUGE.oneMb, HUGE.tenMbCjk, HUGE.tenMbDigits]);
    case 1:
    case 2:
      return rng.pick(ODD_STRINGS);
    case 3:
    case 4:
      return rng.pick(FAR_DATES);
    case 5:
    case 6:
      return rng.pick(EXTREME_NUMBERS);
    case 7:
      return rng.pick([null, undefined, true, false]);
    case 8:
      return rng.pick([
        {},
        [],
        [{}],
        { length: 1e9 },
        { __proto__: { polluted: true } },
        Object.create(null) as object,
      ]);
    case 9:
      return rng.pick([DEEP.object, DEEP.array]);
    case 10:
      return [rng.pick(ODD_STRINGS), rng.pick(EXTREME_NUMBERS)];
    default:
      return { toString: 'x', valueOf: 1, constructor: 'y' };
  }
}

function randomUuid(rng: Rng): string {
  const hex = () => rng.int(16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-7${part(3)}-${rng.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
}

function text(rng: Rng, min: number, max: number): string {
  const alphabet = 'abcXYZ019 -_/.:张三李四王五冰箱维修😀';
  const length = rng.chance(0.05)
    ? max + 1 + rng.int(3)
    : Math.max(min, 1) + rng.int(Math.max(0, Math.min(max, 60) - Math.max(min, 1)) + 1);
  return Array.from({ length }, () => alphabet[rng.int(alphabet.length)]).join('');
}

const PATTERN_GUESSES = [
  '2026-11-23',
  '09:30',
  '21:00',
  '1234',
  '123456',
  'S012',
  'P-1',
  'WM-PUMP-01',
  'ABCD-EFGH-JKLM',
  'https://127.0.0.1:8443',
  'a'.repeat(64),
  'QUJD',
  '2026-11-23T09:00:00.000Z',
  '2026-11-23T09:00:00+08:00',
];

/** Ids of records that exist, and how often a part of a shaped value is replaced by a hostile one. */
export type Pools = { ids: string[]; hostility: number };

/** A value of roughly the schema's shape; now and then a hostile one instead of a part of it. */
export function shaped(schema: JsonSchema, rng: Rng, pools: Pools, depth = 0): unknown {
  if (depth > 0 && rng.chance(pools.hostility)) return hostile(rng);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) return shaped(rng.pick(branches), rng, pools, depth);
  if (schema.allOf && schema.allOf.length > 0) return shaped(schema.allOf[0]!, rng, pools, depth);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.chance(0.95) ? rng.pick(schema.enum) : 'not-one-of-them';
  const type = Array.isArray(schema.type) ? rng.pick(schema.type) : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (!(required.has(key) ? rng.chance(0.99) : rng.chance(0.6))) continue;
        // A date checked by a refinement looks like any string in JSON Schema: its name gives it away.
        out[key] =
          child.type === 'string' && DATE_NAME.test(key) && rng.chance(0.8)
            ? dateLike(rng, key)
            : shaped(child, rng, pools, depth + 1);
      }
      if (typeof schema.additionalProperties === 'object') {
        for (let i = rng.int(4); i > 0; i--)
          out[text(rng, 1, 10)] = shaped(schema.additionalProperties, rng, pools, depth + 1);
      }
      if (rng.chance(0.05)) out[rng.pick(['__proto__', 'constructor', 'extra'])] = hostile(rng);
      return out;
    }
    case 'array': {
      if (schema.prefixItems) return schema.prefixItems.map((item) => shaped(item, rng, pools, depth + 1));
      const max = schema.maxItems ?? 5;
      const min = schema.minItems ?? 0;
      const length = rng.chance(0.05) ? max + 1 : min + rng.int(Math.max(0, Math.min(max, 5) - min) + 1);
      return Array.from({ length }, () => shaped(schema.items ?? {}, rng, pools, depth + 1));
    }
    case 'string': {
      if (schema.format === 'uuid')
        return rng.chance(0.7) && pools.ids.length > 0 ? rng.pick(pools.ids) : randomUuid(rng);
      if (schema.format === 'date-time' || schema.format === 'date') return rng.pick(FAR_DATES);
      if (rng.chance(0.15)) return rng.pick(FAR_DATES);
      if (rng.chance(0.3)) return rng.pick(PATTERN_GUESSES);
      return text(rng, schema.minLength ?? 0, schema.maxLength ?? 200);
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1000;
      if (rng.chance(0.1)) return rng.pick([min - 1, max + 1, min, max, 0.5, ...EXTREME_NUMBERS]);
      return min + rng.int(Math.min(max - min, 10_000) + 1);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      return hostile(rng);
  }
}

/** A value for a failure message: long strings, deep nesting and big arrays cut short. */
export function describeInput(value: unknown, budget = 600): string {
  const seen = new Set<unknown>();
  const cut = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (typeof v === 'number' && Object.is(v, -0)) return '-0';
    if (v === undefined) return '(undefined)';
    if (typeof v !== 'object' || v === null) return v;
    if (depth > 4 || seen.has(v)) return '…';
    seen.add(v);
    if (Array.isArray(v)) return v.slice(0, 6).map((x) => cut(x, depth + 1));
    return Object.fromEntries(
      Object.entries(v)
        .slice(0, 12)
        .map(([k, x]) => [k, cut(x, depth + 1)]),
    );
  };
  const json = JSON.stringify(cut(value, 0));
  return json === undefined ? String(value) : json.length > budget ? `${json.slice(0, budget)}…` : json;
}
