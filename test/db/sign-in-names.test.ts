/** Sign-in names in pinyin order, and type-to-select by pinyin initials or whole pinyin. */
import { describe, expect, it } from 'vitest';
import { signInNames } from '../../db/staff/sign-in-names';
import { matchTyped, typedLetter } from '../../renderer/pages/sign-in-typing';
import { openTestDesk, setUpStore } from '../support/temp-store';

const staff = (name: string, id = name) => ({ id, name, role: 'counter_staff' as const, active: true });

describe('sign-in names', () => {
  it('come in pinyin order, surnames read as surnames, Latin names among them', () => {
    const names = signInNames([
      staff('王芳'),
      staff('曾小贤'),
      staff('李娜'),
      staff('陈师傅'),
      staff('Anna'),
      staff('王经理'),
    ]);
    expect(names.map((n) => n.name)).toEqual(['Anna', '陈师傅', '李娜', '王芳', '王经理', '曾小贤']);
    expect(names.find((n) => n.name === '曾小贤')).toMatchObject({ initials: 'zxx', pinyin: 'zengxiaoxian' });
  });

  it('are picked by the first letters typed: initials first, then whole pinyin', () => {
    const names = signInNames([staff('王经理'), staff('王芳'), staff('吴伟'), staff('李娜')]);
    expect(matchTyped(names, 'w')?.name).toBe('王芳');
    expect(matchTyped(names, 'wf')?.name).toBe('王芳');
    expect(matchTyped(names, 'wj')?.name).toBe('王经理');
    expect(matchTyped(names, 'ww')?.name).toBe('吴伟');
    expect(matchTyped(names, 'li')?.name).toBe('李娜');
    expect(matchTyped(names, 'wangj')?.name).toBe('王经理');
    expect(matchTyped(names, 'q')).toBeUndefined();
    expect(typedLetter({ key: 'W', ctrlKey: false, metaKey: false, altKey: false })).toBe('w');
    expect(typedLetter({ key: 'k', ctrlKey: true, metaKey: false, altKey: false })).toBeNull();
    expect(typedLetter({ key: '1', ctrlKey: false, metaKey: false, altKey: false })).toBeNull();
  });

  it('reach the sign-in page through session.staffList, in that order', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    for (const [name, pin] of [
      ['王芳', '1111'],
      ['陈师傅', '2222'],
    ] as const)
      await t.ok('staff.create', { name, role: 'counter_staff', pin });
    const list = await t.ok('session.staffList', {});
    const names = list.map((n) => n.name);
    expect(names.indexOf('陈师傅')).toBeLessThan(names.indexOf('王芳'));
    expect(list.find((n) => n.name === '王芳')).toMatchObject({ initials: 'wf', pinyin: 'wangfang' });
  });
});
