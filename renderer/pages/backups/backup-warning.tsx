/** The header's backup warning: the chosen folder unreachable, or the last automatic backup failed. */
import { WarningOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../use-desk';

export function BackupWarning() {
  const { t } = useTranslation('backup');
  const health = useDeskQuery('backup.status', {}, { refetchOn: ['backup.changed'] }).state.value;
  if (!health || (!health.folderWarning && !health.lastBackupFailed)) return null;
  const text = health.folderWarning ? t('warning.folder', { folder: health.folderWarning.folder }) : t('warning.failed');
  return (
    <Tooltip title={text}>
      <span role="status" className="cd-backup-warning" style={{ color: '#fadb14' }}>
        <WarningOutlined aria-hidden /> {health.folderWarning ? t('page.title') : t('warning.failed')}
        <span className="cd-sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
          {text}
        </span>
      </span>
    </Tooltip>
  );
}
