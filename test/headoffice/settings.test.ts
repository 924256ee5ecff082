/** Head office's settings: flags and environment variables, checked before anything starts. */
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSettings, SettingsError } from '../../headoffice/settings';
import { headOfficeLogger } from '../../headoffice/logger';

const problemsOf = (argv: string[], env: Record<string, string>) => {
  try {
    readSettings(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('the settings were accepted');
};

describe('readSettings', () => {
  test('defaults: try-out mode on this machine only', () => {
    const settings = readSettings([], {});
    expect(settings).toMatchObject({
      databaseUrl: null,
      dataDir: resolve('.headoffice'),
      host: '127.0.0.1',
      port: 8443,
      tls: null,
      consoleDir: null,
      signInsPerMinute: 20,
      logLevel: 'info',
      shutdownSeconds: 10,
    });
    expect(settings.updatesDir).toBe(join(resolve('.headoffice'), 'updates'));
  });

  test('everything from the environment, as a systemd EnvironmentFile gives it', () => {
    const settings = readSettings([], {
      HEADOFFICE_DATABASE_URL: 'postgres://hq:secret@db.internal:5432/headoffice',
      HEADOFFICE_DATA_DIR: '/var/lib/counterdesk-headoffice',
      HEADOFFICE_HOST: '0.0.0.0',
      HEADOFFICE_PORT: '443',
      HEADOFFICE_TLS_CERT: '/etc/counterdesk-headoffice/tls/cert.pem',
      HEADOFFICE_TLS_KEY: '/etc/counterdesk-headoffice/tls/key.pem',
      HEADOFFICE_HOSTNAMES: 'hq.example.cn, hq',
      HEADOFFICE_CONSOLE_DIR: '/opt/console',
      HEADOFFICE_CONSOLE_SIGN_INS_PER_MINUTE: '5',
      HEADOFFICE_TRUSTED_PROXIES: '10.0.0.0/8',
      HEADOFFICE_UPDATES_DIR: '/srv/releases',
      HEADOFFICE_LOG_LEVEL: 'warn',
      HEADOFFICE_SHUTDOWN_SECONDS: '30',
    });
    expect(settings).toEqual({
      databaseUrl: 'postgres://hq:secret@db.internal:5432/headoffice',
      dataDir: '/var/lib/counterdesk-headoffice',
      host: '0.0.0.0',
      port: 443,
      pgPort: 54329,
      tls: { cert: '/etc/counterdesk-headoffice/tls/cert.pem', key: '/etc/counterdesk-headoffice/tls/key.pem' },
      hostnames: ['hq.example.cn', 'hq'],
      consoleDir: '/opt/console',
      signInsPerMinute: 5,
      trustedProxies: ['10.0.0.0/8'],
      updatesDir: '/srv/releases',
      logLevel: 'warn',
      shutdownSeconds: 30,
    });
  });

  test('a flag wins over its variable; --hostname may repeat', () => {
    const settings = readSettings(['--port', '9443', '--hostname', 'a.example', '--hostname', 'b.example'], {
      HEADOFFICE_PORT: '8000',
      HEADOFFICE_HOSTNAMES: 'c.example',
    });
    expect(settings.port).toBe(9443);
    expect(settings.hostnames).toEqual(['a.example', 'b.example']);
  });

  test('an empty variable counts as not set', () => {
    expect(readSettings([], { HEADOFFICE_DATABASE_URL: '', HEADOFFICE_PORT: '  ' })).toMatchObject({
      databaseUrl: null,
      port: 8443,
    });
  });

  test('every bad value is named by its variable and flag, all at once', () => {
    const message = problemsOf([], {
      HEADOFFICE_PORT: '70000',
      HEADOFFICE_LOG_LEVEL: 'verbose',
      HEADOFFICE_SHUTDOWN_SECONDS: '2.5',
      HEADOFFICE_HOST: 'evil host; rm',
    });
    expect(message).toContain('HEADOFFICE_PORT (or --port): must be a port number from 1 to 65535');
    expect(message).toContain('got "70000"');
    expect(message).toContain('HEADOFFICE_LOG_LEVEL (or --log-level)');
    expect(message).toContain('HEADOFFICE_SHUTDOWN_SECONDS (or --shutdown-seconds): must be a whole number');
    expect(message).toContain('HEADOFFICE_HOST (or --host)');
  });

  test('a bad database URL is refused without repeating it (it holds the password)', () => {
    const message = problemsOf([], { HEADOFFICE_DATABASE_URL: 'mysql://hq:hunter22@db/hq' });
    expect(message).toContain('HEADOFFICE_DATABASE_URL (or --database-url): must be a postgres://');
    expect(message).not.toContain('hunter22');
  });

  test('a certificate without its key (or the reverse) is refused', () => {
    expect(problemsOf(['--cert', 'cert.pem'], {})).toContain('give both files or neither');
    expect(problemsOf([], { HEADOFFICE_TLS_KEY: 'key.pem' })).toContain('HEADOFFICE_TLS_CERT and HEADOFFICE_TLS_KEY');
  });

  test('an unknown flag is refused, not ignored', () => {
    expect(problemsOf(['--prot', '8443'], {})).toContain("'--prot'");
  });

  test('oversized values are refused', () => {
    expect(problemsOf([], { HEADOFFICE_DATA_DIR: 'x'.repeat(5000) })).toContain('HEADOFFICE_DATA_DIR');
    expect(problemsOf([], { HEADOFFICE_HOSTNAMES: Array(30).fill('a.example').join(',') })).toContain(
      'HEADOFFICE_HOSTNAMES',
    );
  });
});

describe('headOfficeLogger', () => {
  test('writes the lines at or above its level only', () => {
    const lines: string[] = [];
    const log = headOfficeLogger('warn', (line) => lines.push(line));
    log.info('listening');
    log.warn('slow', { ms: 1200 });
    log.error('broken');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT.* warn \[headoffice\] slow \{"ms":1200\}\n$/);
    expect(lines[1]).toContain('error [headoffice] broken');
  });
});
