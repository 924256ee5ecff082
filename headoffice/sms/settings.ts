/**
 * The SMS gateway's settings, from head office's environment (a systemd EnvironmentFile, a
 * container's environment), checked before anything starts. The provider's AccessKey secret and the
 * callback token are secrets: an error names the variable, never its value, and nothing here is
 * logged or written to a file. docs/architecture/sms-gateway.md lists them with an example.
 */
import { z } from 'zod';
import { SettingsError } from '../settings';
import { aliyunGateway } from './aliyun-gateway';
import type { SmsGateway } from './gateway';
import { logOnlyGateway } from './log-gateway';

export const SMS_GATEWAYS = ['log', 'aliyun', 'off'] as const;

export type SmsSettings = Readonly<{
  /** `log` (default): nothing is sent, the log says what would be; `off`: messages wait unsent. */
  gateway: (typeof SMS_GATEWAYS)[number];
  aliyun: Readonly<{
    endpoint: string;
    accessKeyId: string;
    accessKeySecret: string;
    signName: string;
  }> | null;
  /** The secret in the provider's callback URLs; null: the callback routes are not served. */
  callbackToken: string | null;
  perSecond: number;
  maxAttempts: number;
  batchSize: number;
  intervalMs: number;
  timeoutMs: number;
}>;

/** An https endpoint, or plain http to this machine only (a local fake of the provider). */
const endpointSchema = z
  .url()
  .max(300)
  .refine((value) => {
    const url = new URL(value);
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    );
  }, 'must be an https:// URL (http:// only to 127.0.0.1)');

const VARIABLES = {
  gateway: { env: 'HEADOFFICE_SMS_GATEWAY', schema: z.enum(SMS_GATEWAYS) },
  endpoint: { env: 'HEADOFFICE_SMS_ALIYUN_ENDPOINT', schema: endpointSchema },
  accessKeyId: {
    env: 'HEADOFFICE_SMS_ALIYUN_ACCESS_KEY_ID',
    schema: z.string().regex(/^[A-Za-z0-9]{8,64}$/, 'must be an AccessKey ID'),
  },
  accessKeySecret: { env: 'HEADOFFICE_SMS_ALIYUN_ACCESS_KEY_SECRET', schema: z.string().min(8).max(128), secret: true },
  signName: { env: 'HEADOFFICE_SMS_ALIYUN_SIGN_NAME', schema: z.string().min(2).max(40) },
  callbackToken: {
    env: 'HEADOFFICE_SMS_CALLBACK_TOKEN',
    schema: z.string().regex(/^[A-Za-z0-9_-]{24,128}$/, 'must be 24–128 letters, digits, - or _'),
    secret: true,
  },
  perSecond: { env: 'HEADOFFICE_SMS_PER_SECOND', schema: z.coerce.number().min(0.1).max(1000) },
  maxAttempts: { env: 'HEADOFFICE_SMS_MAX_ATTEMPTS', schema: z.coerce.number().int().min(1).max(20) },
  batchSize: { env: 'HEADOFFICE_SMS_BATCH', schema: z.coerce.number().int().min(1).max(200) },
  intervalSeconds: { env: 'HEADOFFICE_SMS_INTERVAL_SECONDS', schema: z.coerce.number().int().min(1).max(3600) },
  timeoutSeconds: { env: 'HEADOFFICE_SMS_TIMEOUT_SECONDS', schema: z.coerce.number().int().min(1).max(60) },
} as const;

/** Variables of the one-template gateway: each event now has its own template, set in the console. */
const RETIRED = ['HEADOFFICE_SMS_ALIYUN_TEMPLATE_CODE', 'HEADOFFICE_SMS_ALIYUN_TEMPLATE_PARAM'];

type Values = { [K in keyof typeof VARIABLES]?: z.output<(typeof VARIABLES)[K]['schema']> };

export function readSmsSettings(env: Readonly<Record<string, string | undefined>>): SmsSettings {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(VARIABLES)) {
    const raw = env[variable.env]?.trim();
    if (!raw) continue;
    const parsed = variable.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else {
      const shown = 'secret' in variable ? '' : ` (got "${raw.slice(0, 80)}")`;
      problems.push(`${variable.env}: ${parsed.error.issues[0]?.message ?? 'invalid'}${shown}`);
    }
  }
  for (const name of RETIRED)
    if (env[name]?.trim())
      problems.push(`${name} is no longer read: set a template code per event in the console (Messages → Templates)`);
  const v = values as Values;
  const gateway = v.gateway ?? 'log';
  const missing = (['accessKeyId', 'accessKeySecret', 'signName'] as const).filter((k) => !v[k]);
  if (gateway === 'aliyun' && missing.length > 0)
    problems.push(`HEADOFFICE_SMS_GATEWAY=aliyun needs ${missing.map((k) => VARIABLES[k].env).join(', ')}`);
  if (problems.length > 0) throw new SettingsError(`SMS settings:\n  ${problems.join('\n  ')}`);
  return {
    gateway,
    aliyun:
      gateway === 'aliyun'
        ? {
            endpoint: v.endpoint ?? 'https://dysmsapi.aliyuncs.com/',
            accessKeyId: v.accessKeyId!,
            accessKeySecret: v.accessKeySecret!,
            signName: v.signName!,
          }
        : null,
    callbackToken: v.callbackToken ?? null,
    perSecond: v.perSecond ?? 10,
    maxAttempts: v.maxAttempts ?? 6,
    batchSize: v.batchSize ?? 20,
    intervalMs: (v.intervalSeconds ?? 5) * 1000,
    timeoutMs: (v.timeoutSeconds ?? 10) * 1000,
  };
}

/** The gateway the settings name; null for `off`. */
export function gatewayOf(
  settings: SmsSettings,
  log: (message: string, details: Record<string, unknown>) => void,
): SmsGateway | null {
  if (settings.gateway === 'off') return null;
  if (settings.gateway === 'aliyun') return aliyunGateway({ ...settings.aliyun!, timeoutMs: settings.timeoutMs });
  return logOnlyGateway(log);
}
