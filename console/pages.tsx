/**
 * The console's pages in menu order: path, text namespace (its `title` is the menu entry), the
 * permission a role needs to see it, icon, and the page itself as its own chunk (loaded when first
 * opened). A new page adds one entry. The menu shows only what the role may read; head office
 * checks every request anyway.
 */
import {
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CrownOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  IdcardOutlined,
  MergeCellsOutlined,
  MessageOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
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
    path: 'stores',
    ns: 'stores',
    permission: 'stores.read',
    icon: <ShopOutlined />,
    load: () => import('./pages/stores'),
  },
  {
    path: 'customers',
    ns: 'customers',
    permission: 'customers.read',
    icon: <IdcardOutlined />,
    load: () => import('./pages/customers'),
  },
  {
    path: 'reports',
    ns: 'reports',
    permission: 'reports.read',
    icon: <BarChartOutlined />,
    load: () => import('./pages/reports'),
  },
  {
    path: 'messages',
    ns: 'messages',
    permission: 'messages.read',
    icon: <MessageOutlined />,
    load: () => import('./pages/messages'),
  },
  {
    path: 'join',
    ns: 'join',
    permission: 'join.review',
    icon: <MergeCellsOutlined />,
    load: () => import('./pages/join'),
  },
  {
    path: 'catalogue',
    ns: 'catalogue',
    permission: 'catalogue.read',
    icon: <ShoppingOutlined />,
    load: () => import('./pages/catalogue'),
  },
  {
    path: 'categories',
    ns: 'categories',
    permission: 'catalogue.read',
    icon: <AppstoreOutlined />,
    load: () => import('./pages/categories'),
  },
  {
    path: 'tiers',
    ns: 'tiers',
    permission: 'standards.read',
    icon: <CrownOutlined />,
    load: () => import('./pages/tiers'),
  },
  {
    path: 'standards',
    ns: 'standards',
    permission: 'standards.read',
    icon: <FieldTimeOutlined />,
    load: () => import('./pages/standards'),
  },
  {
    path: 'calendar',
    ns: 'calendar',
    permission: 'standards.read',
    icon: <CalendarOutlined />,
    load: () => import('./pages/calendar'),
  },
  {
    path: 'hours',
    ns: 'hours',
    permission: 'standards.read',
    icon: <ClockCircleOutlined />,
    load: () => import('./pages/hours'),
  },
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
];
