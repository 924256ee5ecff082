/**
 * The console's pages: path, menu title, the permission a role needs to see it, icon, and the page
 * itself as its own chunk (loaded when first opened). A new page adds one entry. The menu shows
 * only what the role may read; head office checks every request anyway.
 */
import { AuditOutlined, DashboardOutlined, MergeCellsOutlined, TeamOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { ConsolePermission } from '../headoffice/console/contract/roles';
import type { resources } from './i18n';

/** A page's text namespace (console/i18n/<ns>.*.ts); its `title` names it in the menu. */
export type PageNamespace = Exclude<keyof (typeof resources)['en'], 'common'>;

export type ConsolePage = {
  path: string;
  /** The page's text namespace; its `title` is the menu entry. */
  ns: PageNamespace;
  /** null: every signed-in role. */
  permission: ConsolePermission | null;
  icon: ReactNode;
  load: () => Promise<{ default: ComponentType }>;
};

export const consolePages: ReadonlyArray<ConsolePage> = [
  { path: '', ns: 'home', permission: null, icon: <DashboardOutlined />, load: () => import('./pages/home') },
  {
    path: 'staff',
    ns: 'staff',
    permission: 'staff.manage',
    icon: <TeamOutlined />,
    load: () => import('./pages/staff'),
  },
  {
    path: 'audit',
    ns: 'audit',
    permission: 'audit.read',
    icon: <AuditOutlined />,
    load: () => import('./pages/audit'),
  },
  {
    path: 'join',
    ns: 'join',
    permission: 'join.review',
    icon: <MergeCellsOutlined />,
    load: () => import('./pages/join'),
  },
];
