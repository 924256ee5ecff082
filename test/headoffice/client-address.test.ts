/** Which address the progress page counts a request under, and how the trusted proxies are read. */
import { describe, expect, it } from 'vitest';
import { NO_PROXIES, requestAddress, trustedProxies } from '../../headoffice/progress/client-address';
import { readSettings, SettingsError } from '../../headoffice/settings';

describe('requestAddress', () => {
  const proxies = trustedProxies(['10.0.0.0/8', '192.168.1.1', 'fd00::/8']);

  it('believes X-Forwarded-For only from a trusted proxy, from its right end', () => {
    expect(requestAddress('203.0.113.5', '198.51.100.1', NO_PROXIES)).toBe('203.0.113.5');
    expect(requestAddress('10.2.3.4', '198.51.100.1', NO_PROXIES)).toBe('10.2.3.4');
    expect(requestAddress('203.0.113.5', '198.51.100.1', proxies)).toBe('203.0.113.5');
    expect(requestAddress('10.2.3.4', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(requestAddress('::ffff:10.2.3.4', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(requestAddress('10.2.3.4', '1.2.3.4, 198.51.100.1, 192.168.1.1', proxies)).toBe('198.51.100.1');
    expect(requestAddress('fd00::1', '2001:db8::7', proxies)).toBe('2001:db8::7');
    expect(requestAddress('10.2.3.4', ['1.2.3.4', '198.51.100.9'], proxies)).toBe('198.51.100.9');
    // No header, a hop that is not an address, or only proxies.
    expect(requestAddress('10.2.3.4', undefined, proxies)).toBe('10.2.3.4');
    expect(requestAddress('10.2.3.4', 'unknown', proxies)).toBe('10.2.3.4');
    expect(requestAddress('10.2.3.4', '10.9.9.9, 192.168.1.1', proxies)).toBe('10.9.9.9');
  });

  it('refuses an entry that is not an address or range, naming it', () => {
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow(/"10.0.0.0\/33" has a prefix length out of range/);
    expect(() => trustedProxies(['proxy.local'])).toThrow(/"proxy.local" is not an IP address/);
  });

  it('is a head-office setting: none by default, from the variable or the flag', () => {
    expect(readSettings([], {}).trustedProxies).toEqual([]);
    expect(readSettings([], { HEADOFFICE_TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '::1',
    ]);
    expect(readSettings(['--trusted-proxies', '127.0.0.1'], {}).trustedProxies).toEqual(['127.0.0.1']);
    expect(() => readSettings([], { HEADOFFICE_TRUSTED_PROXIES: '10.0.0.0/99' })).toThrow(SettingsError);
    expect(() => readSettings([], { HEADOFFICE_TRUSTED_PROXIES: 'nginx' })).toThrow(/HEADOFFICE_TRUSTED_PROXIES/);
  });
});
