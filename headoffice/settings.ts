/**
 * Head office's settings, each from a command-line flag or an environment variable (the flag wins),
 * so a systemd unit's EnvironmentFile or a container's environment configures it without a command
 * line. Every value is checked here, before anything starts; an error names the variable and the
 * flag, and never repeats the database URL (it holds the password).
 */
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { trustedProxies } from './progress/client-address';

export const LOG_LEVELS = ['error', 'warn', 'info'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One setting: its flag, its environment variable, and how its text is read. */
const SETTINGS = {
  databaseUrl: {
    flag: 'database-url',
    env: 'HEADOFFICE_DATABASE_URL',
    schema: z
      .string()
      .max(2000)
      .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), 'must be a postgres:// or postgresql:// URL'),
    secret: true,
  },
  dataDir: { flag: 'data-dir', env: 'HEADOFFICE_DATA_DIR', schema: z.string().min(1).max(1000) },
  host: {
    flag: 'host',
    env: 'HEADOFFICE_HOST',
    schema: z
      .string()
      .max(255)
      .regex(/^[A-Za-z0-9.:_-]+$/, 'must be an address or host name to listen on, e.g. 0.0.0.0 or ::'),
  },
  port: { flag: 'port', env: 'HEADOFFICE_PORT', schema: portSchema() },
  pgPort: { flag: 'pg-port', env: 'HEADOFFICE_PG_PORT', schema: portSchema() },
  cert: { flag: 'cert', env: 'HEADOFFICE_TLS_CERT', schema: z.string().min(1).max(1000) },
  key: { flag: 'key', env: 'HEADOFFICE_TLS_KEY', schema: z.string().min(1).max(1000) },
  hostnames: {
    flag: 'hostname',
    env: 'HEADOFFICE_HOSTNAMES',
    schema: z
      .string()
      .max(2000)
      .transform((value) => value.split(',').map((name) => name.trim()))
      .pipe(z.array(z.string().regex(/^[A-Za-z0-9.-]{1,253}$/, 'must be host names separated by commas')).max(20)),
  },
  consoleDir: { flag: 'console-dir', env: 'HEADOFFICE_CONSOLE_DIR', schema: z.string().min(1).max(1000) },
  signInsPerMinute: {
    flag: 'sign-ins-per-minute',
    env: 'HEADOFFICE_CONSOLE_SIGN_INS_PER_MINUTE',
    schema: z.coerce.number().int('must be a whole number').min(1).max(1000),
  },
  trustedProxies: {
    flag: 'trusted-proxies',
    env: 'HEADOFFICE_TRUSTED_PROXIES',
    schema: z
      .string()
      .max(2000)
      .transform((value) => value.split(',').map((entry) => entry.trim()))
      .pipe(
        z
          .array(
            z.string().regex(/^[0-9A-Fa-f.:]+(\/\d{1,3})?$/, 'must be IP addresses or CIDR ranges separated by commas'),
          )
          .max(50),
      ),
  },
  updatesDir: { flag: 'updates-dir', env: 'HEADOFFICE_UPDATES_DIR', schema: z.string().min(1).max(1000) },
  logLevel: { flag: 'log-level', env: 'HEADOFFICE_LOG_LEVEL', schema: z.enum(LOG_LEVELS) },
  shutdownSeconds: {
    flag: 'shutdown-seconds',
    env: 'HEADOFFICE_SHUTDOWN_SECONDS',
    schema: z.coerce.number().int('must be a whole number').min(1).max(300),
  },
} as const;

function portSchema() {
  const message = 'must be a port number from 1 to 65535';
  return z.coerce.number({ error: message }).int(message).min(1, message).max(65535, message);
}

type Raw = { [K in keyof typeof SETTINGS]: z.output<(typeof SETTINGS)[K]['schema']> };

export type HeadOfficeSettings = {
  /** A real PostgreSQL; null: an embedded one in `<dataDir>/pg`, for trying head office out. */
  databaseUrl: string | null;
  /** Generated certificates, the embedded database, connection.json; the only folder head office writes. */
  dataDir: string;
  host: string;
  port: number;
  pgPort: number;
  /** The company's certificate and key files; null: a generated CA and server certificate in `<dataDir>/tls`. */
  tls: { cert: string; key: string } | null;
  /** Extra names for the generated server certificate. */
  hostnames: string[];
  /** The built console; null: `console/` beside the bundle. */
  consoleDir: string | null;
  signInsPerMinute: number;
  /** Reverse proxies in front of head office whose X-Forwarded-For is believed (progress page); none by default. */
  trustedProxies: string[];
  /** Release files uploaded for the counters' update feed (`<dataDir>/updates` unless set). */
  updatesDir: string;
  logLevel: LogLevel;
  /** How long a SIGTERM waits for requests in flight before closing their connections. */
  shutdownSeconds: number;
};

/** The flags, for parseArgs; `--hostname` may be given several times. */
const SETTING_FLAGS = Object.fromEntries(
  Object.values(SETTINGS).map(({ flag }) => [flag, { type: 'string' as const, multiple: flag === 'hostname' }]),
);

export class SettingsError extends Error {}

/** Reads the settings from `argv` (flags) and `env`; throws a SettingsError naming every bad one. */
export function readSettings(
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
): HeadOfficeSettings {
  const flags: Record<string, string | undefined> = {};
  try {
    const { values } = parseArgs({ args: [...argv], options: SETTING_FLAGS, strict: true });
    for (const [flag, value] of Object.entries(values)) flags[flag] = Array.isArray(value) ? value.join(',') : value;
  } catch (error) {
    throw new SettingsError(error instanceof Error ? error.message : String(error));
  }
  const raw: Partial<Record<string, unknown>> = {};
  const problems: string[] = [];
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const text = flags[setting.flag] ?? env[setting.env];
    if (text === undefined || text.trim() === '') continue;
    const parsed = setting.schema.safeParse(text.trim());
    if (parsed.success) raw[name] = parsed.data;
    else {
      const shown = 'secret' in setting ? '' : ` (got "${text.slice(0, 80)}")`;
      problems.push(`${setting.env} (or --${setting.flag}): ${parsed.error.issues[0]?.message ?? 'invalid'}${shown}`);
    }
  }
  const given = raw as Partial<Raw>;
  if (Boolean(given.cert) !== Boolean(given.key))
    problems.push('HEADOFFICE_TLS_CERT and HEADOFFICE_TLS_KEY (or --cert and --key): give both files or neither');
  try {
    trustedProxies(given.trustedProxies ?? []);
  } catch (error) {
    problems.push(`HEADOFFICE_TRUSTED_PROXIES (or --trusted-proxies): ${(error as Error).message}`);
  }
  if (problems.length > 0) throw new SettingsError(`Head-office settings:\n  ${problems.join('\n  ')}`);

  const dataDir = resolve(given.dataDir ?? '.headoffice');
  const path = (value: string) => (isAbsolute(value) ? value : resolve(value));
  return {
    databaseUrl: given.databaseUrl ?? null,
    dataDir,
    host: given.host ?? '127.0.0.1',
    port: given.port ?? 8443,
    pgPort: given.pgPort ?? 54329,
    tls: given.cert && given.key ? { cert: path(given.cert), key: path(given.key) } : null,
    hostnames: given.hostnames ?? [],
    consoleDir: given.consoleDir ? path(given.consoleDir) : null,
    signInsPerMinute: given.signInsPerMinute ?? 20,
    trustedProxies: given.trustedProxies ?? [],
    updatesDir: given.updatesDir ? path(given.updatesDir) : join(dataDir, 'updates'),
    logLevel: given.logLevel ?? 'info',
    shutdownSeconds: given.shutdownSeconds ?? 10,
  };
}
