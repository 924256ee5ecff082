/** The header's backup warning: the chosen folder unreachable, or the last automatic backup failed. */
import { WarningOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { pageHref } from '../../shell/router';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';

export function BackupWarning() {
  const { t } = useTranslation('backup');
  const { can } = useSignedIn();
  const health = useDeskQuery('backup.status', {}, { refetchOn: ['backup.changed'] }).state.value;
  if (!health || (!health.folderWarning && !health.lastBackupFailed)) return null;
  const text = health.folderWarning
    ? t('warning.folder', { folder: health.folderWarning.folder })
    : t('warning.failed');
  const label = (
    <>
      <WarningOutlined aria-hidden /> {health.folderWarning ? t('warning.folderShort') : t('warning.failed')}
    </>
  );
  // The one who can act on it (the admin) is taken to the Backups page; others see what is wrong.
  return (
    <Tooltip title={text}>
      {can('backup.manage') ? (
        <a
          href={pageHref('backups')}
          role="status"
          aria-label={text}
          className="cd-backup-warning"
          style={{ color: '#fadb14' }}
        >
          {label}
        </a>
      ) : (
        <span role="status" aria-label={text} className="cd-backup-warning" style={{ color: '#fadb14' }}>
          {label}
        </span>
      )}
    </Tooltip>
  );
}
