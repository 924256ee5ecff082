import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone } from '../../db/customers/phone';

describe('phone numbers', () => {
  it.each([
    ['13812345678', { kind: 'mobile', number: '13812345678' }],
    ['138 1234 5678', { kind: 'mobile', number: '13812345678' }],
    ['+86 138-1234-5678', { kind: 'mobile', number: '13812345678' }],
    ['021-62345678', { kind: 'landline', number: '021-62345678' }],
    ['(010) 8765 4321', { kind: 'landline', number: '010-87654321' }],
    ['0571-8765432', { kind: 'landline', number: '0571-8765432' }],
  ])('accepts %s', (raw, expected) => {
    expect(normalisePhone(raw)).toMatchObject(expected);
  });

  it.each([
    '1381234567',
    '138123456789',
    '12812345678',
    '62345678',
    '021-1234567',
    'abc',
    '0000-0000000',
    '138-1234-567x',
  ])('refuses %s', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('021-62345678')).toBe('021****5678');
  });
});
