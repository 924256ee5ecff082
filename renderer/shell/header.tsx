import { LockOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { BackupWarning } from '../pages/backups/backup-warning';
import { LanguageSwitch } from './language-switch';
import { useSignedIn } from './signed-in';
import { SyncStatusBar } from './sync-status';

export function ShellHeader({ onLock, locking }: { onLock: () => void; locking: boolean }) {
  const { t } = useTranslation();
  const { staff, store } = useSignedIn();
  return (
    <Layout.Header className="cd-header">
      <span className="cd-header-store">
        <ShopOutlined aria-hidden /> <strong>{store.name}</strong> ({store.code}) ·{' '}
        {t('header.counterNo', { no: store.counterNo })}
      </span>
      <Space>
        <UserOutlined aria-hidden />
        <span>{staff.name}</span>
        <span style={{ opacity: 0.75 }}>{t(`roles.${staff.role}`)}</span>
      </Space>
      <SyncStatusBar />
      <BackupWarning />
      <LanguageSwitch />
      <Button icon={<LockOutlined aria-hidden />} onClick={onLock} loading={locking}>
        {t('header.lock')}
      </Button>
    </Layout.Header>
  );
}
