/**
 * What keeps personal data out of the log files and the diagnostics zip: values under keys that
 * name personal data or secrets are replaced whole, and in every other string (messages, error
 * stacks, URLs) what looks like a phone number or an ID card number is masked. Callers are
 * already asked to pass details, never inputs; this is the net under the ones that slip, such as
 * a SQLite or zod error whose text quotes the value it refused.
 */

export const REDACTED = '[redacted]';

/**
 * Keys whose values never reach a log, at any depth (matched without case, `_` and `-`). Names
 * are personal data whoever they belong to; PINs, hashes, tokens and secrets unlock something.
 */
const SECRET_KEYS = [
  'name',
  'names',
  'fullname',
  'customername',
  'staffname',
  'contact',
  'contactname',
  'phone',
  'phones',
  'mobile',
  'tel',
  'telephone',
  'address',
  'email',
  'idnumber',
  'idcard',
  'pin',
  'newpin',
  'oldpin',
  'pinhash',
  'password',
  'secret',
  'devicesecret',
  'token',
  'authorization',
  'cookie',
  'query',
  'search',
];
const SECRET_KEY_SET = new Set(SECRET_KEYS);

/** Pino's own `redact` paths for the same keys: the details sit under `details` in each entry. */
export const PINO_REDACT_PATHS = SECRET_KEYS.flatMap((key) => [`details.${key}`, `details.*.${key}`]);

/** Parts that mark a key as secret or personal wherever they stand in it (`refreshSecret`, `accessToken`, `customerPhone`). */
const SECRET_KEY_PARTS = /secret|token|password|phone|mobile|pin(?:hash)?$|idnumber|idcard|email|address/;

export function isSecretKey(key: string): boolean {
  const plain = key.replace(/[_-]/g, '').toLowerCase();
  return SECRET_KEY_SET.has(plain) || SECRET_KEY_PARTS.test(plain);
}

/**
 * Mainland mobiles (optionally +86, with spaces or dashes), landlines with an area code, resident
 * ID numbers (18 characters ending in a digit or X, or the old 15 digits), and any other run of
 * 11 or more digits: no log needs one whole, and a timestamp or sequence number is never that long
 * without a separator.
 */
const PATTERNS: ReadonlyArray<RegExp> = [
  /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g,
  /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g,
  /(?<!\d)0\d{2,3}[\s-]\d{7,8}(?!\d)/g,
  /(?<!\d)\d{11,}(?!\d)/g,
  /(?<!\d)\d{15}(?!\d)/g,
  // E-mail addresses name their owner.
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
];

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

const MAX_STRING = 4_000;
const MAX_DEPTH = 5;
const MAX_ENTRIES = 50;

export type ScrubOptions = {
  /** The OS user's home folder: its path names the person signed in to the PC, so it reads `~`. */
  home?: string | null;
};

/** `text` with phone and ID numbers and Chinese text masked, and the home folder shortened to `~`. */
export function scrubText(text: string, options: ScrubOptions = {}): string {
  let out = text;
  if (options.home && options.home.length > 3) out = out.split(options.home).join('~');
  for (const pattern of PATTERNS) out = out.replace(pattern, '[number]');
  // The app's own log texts are English: Chinese characters in one are someone's name, address or
  // note, quoted by an error message.
  return out.replace(HAN, '[text]');
}

/**
 * A copy of `value` fit for a log: secret keys replaced, strings scrubbed and cut at 4,000
 * characters, nesting cut at five levels and 50 entries a level (a log entry stays one short line).
 */
export function scrubValue(value: unknown, options: ScrubOptions = {}, depth = 0): unknown {
  if (typeof value === 'string') {
    const cut = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
    return scrubText(cut, options);
  }
  // A mobile number passed as a number rather than a string.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 13e9 && value < 2e10) return '[number]';
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function'
      ? String(value)
      : value;
  }
  if (value instanceof Error) return scrubText(value.stack ?? `${value.name}: ${value.message}`, options);
  if (depth >= MAX_DEPTH) return '[deeper]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ENTRIES).map((item) => scrubValue(item, options, depth + 1));
    return value.length > MAX_ENTRIES ? [...items, `[${value.length - MAX_ENTRIES} more]`] : items;
  }
  const out: Record<string, unknown> = {};
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries.slice(0, MAX_ENTRIES))
    out[key] = isSecretKey(key) ? REDACTED : scrubValue(item, options, depth + 1);
  if (entries.length > MAX_ENTRIES) out['…'] = `${entries.length - MAX_ENTRIES} more`;
  return out;
}

export function scrubDetails(
  details: Record<string, unknown> | undefined,
  options: ScrubOptions = {},
): Record<string, unknown> | undefined {
  return details === undefined ? undefined : (scrubValue(details, options) as Record<string, unknown>);
}
