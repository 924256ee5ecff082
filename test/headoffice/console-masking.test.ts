/**
 * What a role without customers.unmask sees of a customer, and how a PC's and a store's health
 * follow from what head office knows (pure functions, no database).
 */
import { describe, expect, it } from 'vitest';
import { maskAddress, maskFields, maskName, maskPhone } from '../../headoffice/console/masking';
import { deviceHealth, storeHealth } from '../../headoffice/console/stores/health';

describe('masking', () => {
  it('keeps the first 3 and last 4 digits of a phone, the surname of a name, the district of an address', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskName('张伟明')).toBe('张**');
    expect(maskName('李')).toBe('李*');
    expect(maskAddress('上海市静安区南京西路 1788 号')).toBe('上海市静安区****');
  });

  it('masks fields by name, nested ones too, and leaves a part or store name alone', () => {
    expect(
      maskFields('customer_phone', { customerId: 'c1', number: '13812345678', digits: '13812345678', position: 1 }),
    ).toEqual({ customerId: 'c1', number: '138****5678', digits: '138****5678', position: 1 });
    expect(maskFields('customer', { name: '王芳', notes: 'x' })).toEqual({ name: '王*', notes: 'x' });
    expect(maskFields('part', { name: '洗衣机皮带' })).toEqual({ name: '洗衣机皮带' });
    expect(
      maskFields('ticket', { form: { contactPhone: '13900002222', visitAddress: '北京市朝阳区建国路 88 号' } }),
    ).toEqual({ form: { contactPhone: '139****2222', visitAddress: '北京市朝阳区****' } });
  });
});

describe('health', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  const pc = { active: true, lastContactMs: now - 60_000, pendingChanges: 0, clockOffsetMs: 1_000, refusedRecently: 0 };

  it('a PC is a problem when its clock is over 2 minutes off or it has been silent a day', () => {
    expect(deviceHealth(pc, now)).toEqual({ level: 'ok', reasons: [] });
    expect(deviceHealth({ ...pc, clockOffsetMs: -121_000 }, now)).toEqual({ level: 'problem', reasons: ['clock'] });
    expect(deviceHealth({ ...pc, lastContactMs: now - 25 * 3_600_000 }, now).level).toBe('problem');
    expect(deviceHealth({ ...pc, lastContactMs: now - 2 * 3_600_000 }, now)).toEqual({
      level: 'warning',
      reasons: ['silent_hour'],
    });
    expect(deviceHealth({ ...pc, pendingChanges: 500, refusedRecently: 2 }, now)).toEqual({
      level: 'warning',
      reasons: ['backlog', 'refused'],
    });
    expect(deviceHealth({ ...pc, active: false, clockOffsetMs: 999_999 }, now).level).toBe('ok');
  });

  it('a store is as healthy as its worst active PC; a closed store may be silent', () => {
    const silent = { active: true, level: 'problem' as const, reasons: ['silent_day' as const] };
    expect(storeHealth({ status: 'active', refusedRecently: 0 }, [silent])).toEqual({
      level: 'problem',
      reasons: ['silent_day'],
    });
    expect(storeHealth({ status: 'closed', refusedRecently: 0 }, [silent])).toEqual({ level: 'ok', reasons: [] });
    expect(storeHealth({ status: 'active', refusedRecently: 0 }, [])).toEqual({ level: 'no_pcs', reasons: [] });
    expect(storeHealth({ status: 'active', refusedRecently: 3 }, [{ active: true, level: 'ok', reasons: [] }])).toEqual(
      {
        level: 'warning',
        reasons: ['refused'],
      },
    );
  });
});
