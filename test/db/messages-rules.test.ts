/**
 * The pure rules of customer messages: quiet hours at their boundaries, across midnight, in a zone
 * without daylight saving and in one with it; template checks; SMS segment counting.
 */
import { describe, expect, it } from 'vitest';
import { firstSendable } from '../../db/messages/quiet-hours';
import { DEFAULT_TEMPLATES, renderTemplate, smsSegments, templateProblem } from '../../db/messages/templates';
import { MESSAGE_EVENTS, MESSAGE_LANGUAGES } from '../../db/messages/contract';

const NIGHT = { start: '21:00', end: '08:00' };
const sh = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('quiet hours in Asia/Shanghai (no daylight saving)', () => {
  const at = (local: string) => iso(firstSendable(sh(local), NIGHT, 'Asia/Shanghai'));

  it('lets a message go at once during the day, up to the minute the quiet hours start', () => {
    expect(at('2026-11-23 08:00')).toBe(iso(sh('2026-11-23 08:00')));
    expect(at('2026-11-23 14:00')).toBe(iso(sh('2026-11-23 14:00')));
    expect(at('2026-11-23 20:59')).toBe(iso(sh('2026-11-23 20:59')));
  });

  it('holds an evening message until the next morning, across midnight and the month end', () => {
    expect(at('2026-11-23 21:00')).toBe(iso(sh('2026-11-24 08:00')));
    expect(at('2026-11-23 23:59')).toBe(iso(sh('2026-11-24 08:00')));
    expect(at('2026-11-30 22:30')).toBe(iso(sh('2026-12-01 08:00')));
    expect(at('2026-12-31 21:30')).toBe(iso(sh('2027-01-01 08:00')));
  });

  it('holds a message written after midnight until the same morning', () => {
    expect(at('2026-11-24 00:00')).toBe(iso(sh('2026-11-24 08:00')));
    expect(at('2026-11-24 07:59')).toBe(iso(sh('2026-11-24 08:00')));
  });

  it('keeps a window within one day (a lunch break), and none when start equals end', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(iso(firstSendable(sh('2026-11-23 11:59'), lunch, 'Asia/Shanghai'))).toBe(iso(sh('2026-11-23 11:59')));
    expect(iso(firstSendable(sh('2026-11-23 12:00'), lunch, 'Asia/Shanghai'))).toBe(iso(sh('2026-11-23 13:30')));
    expect(iso(firstSendable(sh('2026-11-23 13:30'), lunch, 'Asia/Shanghai'))).toBe(iso(sh('2026-11-23 13:30')));
    const none = { start: '00:00', end: '00:00' };
    expect(iso(firstSendable(sh('2026-11-23 03:00'), none, 'Asia/Shanghai'))).toBe(iso(sh('2026-11-23 03:00')));
  });
});

describe('quiet hours in a zone with daylight saving', () => {
  it('ends at 08:00 on the wall clock on the night the clocks go forward', () => {
    // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT; 08:00 EDT is 12:00 UTC.
    const evening = Date.parse('2026-03-07T22:30:00-05:00');
    expect(iso(firstSendable(evening, NIGHT, 'America/New_York'))).toBe('2026-03-08T12:00:00.000Z');
    const afterChange = Date.parse('2026-03-08T09:00:00-04:00');
    expect(firstSendable(afterChange, NIGHT, 'America/New_York')).toBe(afterChange);
  });

  it('and on the night they go back', () => {
    // 2026-11-01: 02:00 EDT becomes 01:00 EST; 08:00 EST is 13:00 UTC.
    const evening = Date.parse('2026-10-31T21:15:00-04:00');
    expect(iso(firstSendable(evening, NIGHT, 'America/New_York'))).toBe('2026-11-01T13:00:00.000Z');
  });
});

describe('templates', () => {
  it('has a default for every event in both languages, each valid and the follow-up asking for 1-5', () => {
    for (const event of MESSAGE_EVENTS)
      for (const language of MESSAGE_LANGUAGES)
        expect(templateProblem(DEFAULT_TEMPLATES[event][language], language)).toBeNull();
    expect(DEFAULT_TEMPLATES.follow_up['zh-CN']).toContain('回复1-5');
    expect(DEFAULT_TEMPLATES.follow_up.en).toContain('Reply 1-5');
  });

  it('refuses an unknown placeholder, a lone brace, an empty text and a text too long once rendered', () => {
    expect(templateProblem('{store} {name}', 'zh-CN')).toEqual({
      key: 'template_unknown_placeholder',
      placeholder: 'name',
    });
    expect(templateProblem('单号 {ticket', 'zh-CN')).toEqual({ key: 'template_braces' });
    expect(templateProblem('   ', 'en')).toEqual({ key: 'template_empty' });
    // 270 characters of text fit alone, not with a 40-character store name.
    expect(templateProblem(`${'好'.repeat(270)}{store}`, 'zh-CN')).toMatchObject({ key: 'template_too_long' });
    expect(templateProblem(`${'好'.repeat(250)}{store}`, 'zh-CN')).toBeNull();
  });

  it('renders the placeholders and leaves other text alone', () => {
    const values = { store: '徐汇店', ticket: 'S012-2-20261123-0001', time: '', storePhone: '021-1234', check: '' };
    expect(renderTemplate('{store}：单号{ticket}', values)).toBe('徐汇店：单号S012-2-20261123-0001');
  });
});

describe('SMS segments', () => {
  it('counts 70 Chinese characters as one message and 67 a part beyond', () => {
    expect(smsSegments('好'.repeat(70))).toMatchObject({ segments: 1, encoding: 'ucs2' });
    expect(smsSegments('好'.repeat(71))).toMatchObject({ segments: 2 });
    expect(smsSegments('好'.repeat(134))).toMatchObject({ segments: 2 });
    expect(smsSegments('好'.repeat(135))).toMatchObject({ segments: 3 });
  });

  it('counts plain English as 160 a message and 153 a part', () => {
    expect(smsSegments('a'.repeat(160))).toMatchObject({ segments: 1, encoding: 'gsm7' });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2 });
    // One non-GSM character (an en dash) makes the whole text UCS-2.
    expect(smsSegments(`${'a'.repeat(80)}–`)).toMatchObject({ segments: 2, encoding: 'ucs2' });
  });
});
