/** Where each role lands when the address names no page, and the fallback when its page is not there. */
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../db/staff/roles';
import { PAGES, type Page } from '../../renderer/shell/router';
import { startPage } from '../../renderer/shell/start-page';
import { boardEn } from '../../renderer/i18n/board.en';
import { boardZhCN } from '../../renderer/i18n/board.zh-CN';

/** The pages the shell shows each role: the same permissions as its page table. */
const PAGE_PERMISSION: Partial<Record<Page, string>> = {
  counter: 'customers.read',
  today: 'tickets.reports',
  'my-jobs': 'tickets.ownJobs',
  repairs: 'tickets.read',
  parts: 'parts.read',
};

function pagesOf(role: Role): Page[] {
  return PAGES.filter((page) => {
    const permission = PAGE_PERMISSION[page];
    return permission !== undefined && (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission);
  });
}

describe('start pages', () => {
  it('land each role on its day’s work', () => {
    const landed = Object.fromEntries(ROLES.map((role) => [role, startPage({ role }, pagesOf(role))]));
    expect(landed).toEqual({
      counter_staff: 'counter',
      cs_lead: 'counter',
      repair_lead: 'repairs',
      technician: 'my-jobs',
      parts_lead: 'parts',
      parts_clerk: 'parts',
      aftersales_manager: 'today',
      admin: 'counter',
    });
  });

  it('fall back to the first page the role may use', () => {
    expect(startPage({ role: 'technician' }, ['counter', 'tickets'])).toBe('counter');
    expect(startPage({ role: 'aftersales_manager' }, [])).toBe('today');
  });

  it('give only technicians (and the admin) their own jobs, and only leads and managers the dispatch', () => {
    const holders = (permission: 'tickets.ownJobs' | 'tickets.dispatch') =>
      ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
    expect(holders('tickets.ownJobs')).toEqual(['technician', 'admin']);
    expect(holders('tickets.dispatch')).toEqual(['repair_lead', 'aftersales_manager', 'admin']);
  });

  it('have every board text in both languages', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, inner]) =>
        typeof inner === 'string' ? [`${prefix}${key}`] : keys(inner as object, `${prefix}${key}.`),
      );
    expect(keys(boardZhCN).sort()).toEqual(keys(boardEn).sort());
  });
});
