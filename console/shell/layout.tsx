/**
 * The signed-in frame: the menu of the pages this role may open on the left, the head-office
 * name, the staff member, the language and sign-out above, the page in the middle. Fits 1366×768:
 * the menu collapses to icons below 1200 px wide.
 */
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { consolePages } from '../pages';
import { useStaff } from '../session';
import { ChangePassword } from './change-password';
import { LanguageSwitch } from './language-switch';

export function ConsoleLayout() {
  const { t } = useTranslation();
  const { staff, can, signOut } = useStaff();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const location = useLocation();
  const [changing, setChanging] = useState(false);
  const visible = consolePages.filter((page) => page.permission === null || can(page.permission));
  const current = location.pathname.split('/')[1] ?? '';

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="hq-header">
        <span className="hq-brand">{t('app.title')}</span>
        <span className="hq-spacer" />
        <LanguageSwitch dark />
        <Dropdown
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: t('password.change'), onClick: () => setChanging(true) },
              { key: 'signOut', icon: <LogoutOutlined />, label: t('signOut'), onClick: () => void signOut() },
            ],
          }}
        >
          <Button type="text" icon={<UserOutlined />} style={{ color: '#fff' }} data-testid="staff-menu">
            {staff.displayName} · {t(`role.${staff.role}`)}
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} breakpoint="xl" collapsedWidth={56} theme="light">
          <nav aria-label={t('app.short')}>
            <Menu
              mode="inline"
              selectedKeys={[current]}
              items={visible.map((page) => ({ key: page.path, icon: page.icon, label: t('title', { ns: page.ns }) }))}
              onClick={({ key }) => void navigate(`/${key}`)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="hq-content">
          <main>
            <Suspense fallback={<Spin />}>{navigation.state === 'loading' ? <Spin /> : <Outlet />}</Suspense>
          </main>
        </Layout.Content>
      </Layout>
      <ChangePassword open={changing} onClose={() => setChanging(false)} />
    </Layout>
  );
}
