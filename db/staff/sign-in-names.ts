/**
 * The sign-in list: active staff in pinyin order (陈 chen before 李 li before 王 wang, as a Chinese
 * list is read), each with the pinyin of its name, so the page can jump to a name as its first
 * letters are typed ("w" or "wf" → 王芳) without carrying a pinyin dictionary in the renderer.
 */
import { namePinyin } from '../customers/search-terms';
import type { StaffSummary } from './contract';

export type SignInName = StaffSummary & Readonly<{ initials: string; pinyin: string }>;

export function signInNames(staff: ReadonlyArray<StaffSummary>): SignInName[] {
  return staff
    .map((member) => {
      const spelled = namePinyin(member.name);
      const latin = member.name.toLowerCase().replace(/[^a-z]/g, '');
      return { ...member, initials: spelled?.initials ?? latin.slice(0, 1), pinyin: spelled?.full ?? latin };
    })
    .sort((a, b) => a.pinyin.localeCompare(b.pinyin) || a.name.localeCompare(b.name, 'zh-CN'));
}
