/**
 * The Sync page says, for every reason a record can be kept aside, why and what to do, in English
 * and Chinese; and that the PC was restored from a copy, with when and how many records came back.
 */
import { describe, expect, it } from 'vitest';
import type { KeptAsideRecord } from '../../db/api';
import { syncEn } from '../../renderer/i18n/sync.en';
import { syncZhCN } from '../../renderer/i18n/sync.zh-CN';
import { placeholders, syncTranslator } from './sync-i18n';

const REASONS: ReadonlyArray<KeptAsideRecord['reason']> = ['unknown', 'duplicate', 'incomplete', 'depends', 'refused'];
/** The page's own wording beside the reasons: a part whose number clashes because the store joined head office. */
const TEXTS = [...REASONS, 'duplicate_part'] as const;

describe('kept-aside records and a restored copy on the Sync page', () => {
  it('has a why and a what-to-do for every reason, in both languages, with the same placeholders', () => {
    expect(Object.keys(syncEn.keptAside.reasons).sort()).toEqual([...TEXTS].sort());
    expect(Object.keys(syncEn.keptAside.todos).sort()).toEqual([...TEXTS].sort());
    expect(Object.keys(syncZhCN.keptAside.reasons).sort()).toEqual([...TEXTS].sort());
    for (const reason of TEXTS) {
      for (const texts of [syncEn.keptAside, syncZhCN.keptAside]) {
        expect(texts.reasons[reason].length, reason).toBeGreaterThan(10);
        expect(texts.todos[reason].length, reason).toBeGreaterThan(4);
      }
      expect(placeholders(syncZhCN.keptAside.reasons[reason])).toEqual(placeholders(syncEn.keptAside.reasons[reason]));
    }
    expect(placeholders(syncEn.keptAside.reasons.depends)).toEqual(['parent']);
    for (const key of ['restored', 'restoring'] as const) {
      expect(placeholders(syncEn.page[key])).toEqual(['count', 'when']);
      expect(placeholders(syncZhCN.page[key])).toEqual(['count', 'when']);
    }
  });

  it('reads as Chinese for a Chinese counter', async () => {
    const t = await syncTranslator('zh-CN');
    expect(t('bar.keptAside', { count: 3 })).toBe('3 条暂存未入库');
    expect(t('page.restored', { when: '2026/12/7 11:20', count: 5 })).toContain('已从总部取回 5 条记录');
    for (const reason of REASONS) {
      const text = `${t(`keptAside.reasons.${reason}`, { parent: '工单 S012-1-20261207-0002' })} ${t(`keptAside.todos.${reason}`)}`;
      expect(text.replace(/npm run headoffice:admin -- \w+/g, '')).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
    }
  });
});
