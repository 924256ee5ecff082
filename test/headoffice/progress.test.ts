/**
 * The progress page's pure parts: reading what was typed, the ticket's progress from its states,
 * the balance, the phone-tail comparison, the language, the address a client is limited by, the
 * form token and the page's escaping. The routes, limits and look-up against PostgreSQL are in
 * progress.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import type { RecordState } from '../../db/sync/protocol';
import { formTokenValid, issueFormToken, cookieValue } from '../../headoffice/progress/form-token';
import { maskedNumber, readQuery } from '../../headoffice/progress/input';
import { clientAddress } from '../../headoffice/progress/limits';
import { anyPhoneEndsWith } from '../../headoffice/progress/lookup';
import { renderPage } from '../../headoffice/progress/page';
import { pickLanguage, statusWords, WORDS } from '../../headoffice/progress/texts';
import { balanceFen, ticketProgress } from '../../headoffice/progress/ticket-progress';

let stamp = 0;
function state(fields: Record<string, unknown>, deleted: string | null = null): RecordState {
  stamp += 1;
  const hlc = `2026-03-02T09:00:00.000Z-${String(stamp).padStart(4, '0')}-pc1`;
  return { fields, clocks: Object.fromEntries(Object.keys(fields).map((k) => [k, hlc])), deleted };
}
const event = (action: string, toStatus: string | null, data: Record<string, unknown> = {}) =>
  state({ ticketId: 't1', action, fromStatus: null, toStatus, at: '2026-03-02T09:00:00Z', data: JSON.stringify(data) });

describe('what the customer types', () => {
  it('reads full-width characters, odd dashes, lower case and spaces as meant', () => {
    expect(readQuery(' ｓ０１２－2–20261123—0004 ', '５６ 78')).toEqual({
      number: 'S012-2-20261123-0004',
      tail: '5678',
    });
  });
  it('refuses a number that is not a ticket number, and a tail that is not 4 digits', () => {
    for (const number of ['', 'S012', 'S012-2-2026112-0004', "S012-2-20261123-0004' OR 1=1", 'x'.repeat(65)])
      expect(readQuery(number, '1234')).toBe('badNumber');
    for (const tail of ['', '123', '12345', 'abcd', undefined])
      expect(readQuery('S012-2-20261123-0004', tail)).toBe('badTail');
    expect(readQuery(['S012-2-20261123-0004'], '1234')).toBe('badNumber');
  });
  it('masks a number for a log line', () => {
    expect(maskedNumber('S012-2-20261123-0004')).toBe('S012-2-********-****');
  });
});

describe("a ticket's progress from its states", () => {
  it('follows the events in HLC order, with the appointment while the visit is ahead', () => {
    const events = [
      event('create', 'received'),
      event('schedule', 'scheduled', { technicianId: 's1', plannedDate: '2026-03-04' }),
    ];
    const planned = ticketProgress({ type: 'repair' }, events, [], []);
    expect(planned).toMatchObject({ status: 'scheduled', plannedDate: '2026-03-04', appointmentAt: null });
    events.push(event('contact_customer', 'appointment_set', { appointmentAt: '2026-03-04T06:00:00Z' }));
    // Shuffled: the order is the stamps', not the array's.
    const set = ticketProgress({ type: 'repair' }, [...events].reverse(), [], []);
    expect(set).toMatchObject({ status: 'appointment_set', appointmentAt: '2026-03-04T06:00:00Z', plannedDate: null });
    events.push(event('arrive', 'in_repair'), event('wait_parts', 'in_repair'));
    expect(ticketProgress({ type: 'repair' }, events, [], [])).toMatchObject({
      status: 'in_repair',
      waitingFor: 'parts',
      appointmentAt: null,
    });
    events.push(event('resume', 'in_repair'), event('complete', 'follow_up'));
    expect(ticketProgress({ type: 'repair' }, events, [], [])).toMatchObject({ status: 'follow_up', waitingFor: null });
  });
  it('says nothing of waiting once the ticket is voided', () => {
    const events = [event('create', 'requested'), event('wait_customer', 'requested'), event('void', 'voided')];
    expect(ticketProgress({ type: 'aftersales' }, events, [], [])).toMatchObject({
      status: 'voided',
      waitingFor: null,
    });
  });
  it('computes the balance as the counter does: lines not voided, less payments and deposits, plus refunds', () => {
    const lines = [
      state({ ticketId: 't1', kind: 'labour', amountFen: 8000 }),
      state({ ticketId: 't1', kind: 'part', amountFen: 12050 }),
      state({ ticketId: 't1', kind: 'part', amountFen: 0, covered: 1 }),
      state({ ticketId: 't1', kind: 'discount', amountFen: -1050 }),
      state({ ticketId: 't1', kind: 'labour', amountFen: 5000, voidedAt: '2026-03-02T10:00:00Z' }),
    ];
    const payments = [
      state({ ticketId: 't1', kind: 'deposit', amountFen: 5000 }),
      state({ ticketId: 't1', kind: 'payment', amountFen: 10000 }),
      state({ ticketId: 't1', kind: 'refund', amountFen: 2000 }),
    ];
    expect(balanceFen(lines, payments)).toBe(8000 + 12050 - 1050 - (5000 + 10000 - 2000));
    expect(balanceFen([], [])).toBeNull();
    expect(balanceFen([lines[0]!], [state({ kind: 'payment', amountFen: 9000 })])).toBe(-1000);
  });
});

describe('the phone tail', () => {
  it('matches any of the phones, and nothing when there is none', () => {
    expect(anyPhoneEndsWith(['13812345678', '02155550123'], '0123')).toBe(true);
    expect(anyPhoneEndsWith(['13812345678'], '5678')).toBe(true);
    expect(anyPhoneEndsWith(['13812345678'], '5679')).toBe(false);
    expect(anyPhoneEndsWith([], '----')).toBe(false);
    expect(anyPhoneEndsWith(['123'], '-123')).toBe(false);
    expect(anyPhoneEndsWith(['12-34'], '2-34')).toBe(false);
  });
});

describe('the language', () => {
  it('takes the choice, else the browser by weight, else Chinese', () => {
    expect(pickLanguage('en', 'zh-CN')).toBe('en');
    expect(pickLanguage(undefined, 'en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(pickLanguage(undefined, 'fr;q=1, zh-TW;q=0.5, en;q=0.4')).toBe('zh-CN');
    expect(pickLanguage(undefined, 'de, en;q=0')).toBe('zh-CN');
    expect(pickLanguage('fr', undefined)).toBe('zh-CN');
  });
  it('names every status of every workflow in both languages', async () => {
    const { STATUSES } = await import('../../db/tickets/workflow');
    for (const language of ['zh-CN', 'en'] as const)
      for (const [type, statuses] of Object.entries(STATUSES))
        for (const status of statuses)
          expect(
            WORDS[language].statuses[status === 'voided' ? status : `${type}:${status}`],
            `${language} ${type}:${status}`,
          ).toBeTruthy();
    expect(statusWords('en', 'repair', 'in_repair')).toBe('Being repaired');
    expect(statusWords('zh-CN', 'repair', 'someday')).toBe('处理中');
  });
});

describe('the client address', () => {
  it('counts an IPv6 client by its /64 and an IPv4 one as it is', () => {
    expect(clientAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(clientAddress('2001:db8:0:1:bbbb:cccc:dddd:eeee')).toBe('2001:db8:0:1::/64');
    expect(clientAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddress('::1')).toBe('0:0:0:0::/64');
  });
});

describe('the form token', () => {
  const secret = 'k'.repeat(32);
  const now = Date.parse('2026-03-02T09:00:00Z');
  it('holds when the field and the cookie bring the same token we signed, for two hours', () => {
    const token = issueFormToken(secret, now);
    expect(formTokenValid(secret, token, token, now + 60_000)).toBe(true);
    expect(formTokenValid(secret, token, token, now + 2 * 3600_000 + 1)).toBe(false);
    expect(formTokenValid(secret, token, undefined, now)).toBe(false);
    expect(formTokenValid(secret, token, issueFormToken(secret, now), now)).toBe(false);
    expect(formTokenValid('other'.repeat(8), token, token, now)).toBe(false);
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.AAAA`;
    expect(formTokenValid(secret, forged, forged, now)).toBe(false);
    // Issued "in the future" (a clock set back since): refused, not trusted for longer.
    expect(formTokenValid(secret, token, token, now - 10 * 60_000)).toBe(false);
  });
  it('reads its cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; cd_progress=abc.def; b=2', 'cd_progress')).toBe('abc.def');
    expect(cookieValue('cd_progress_x=1', 'cd_progress')).toBeUndefined();
  });
});

describe('the page', () => {
  it('escapes what was typed back into the form', () => {
    const html = renderPage({ language: 'en', token: 't', number: '"><script>alert(1)</script>', problem: 'x' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
  });
  it('shows the appointment in the store time zone and the balance in yuan', () => {
    const html = renderPage({
      language: 'zh-CN',
      token: 't',
      found: {
        number: 'S012-2-20261123-0004',
        type: 'repair',
        status: 'appointment_set',
        waitingFor: null,
        appointmentAt: '2026-03-04T06:00:00Z',
        plannedDate: null,
        balanceFen: 19000,
        timeZone: 'Asia/Shanghai',
      },
    });
    expect(html).toContain('已预约上门时间');
    expect(html).toMatch(/2026年3月4日.*14:00/);
    expect(html).toContain('待付 ¥190.00');
  });
});
