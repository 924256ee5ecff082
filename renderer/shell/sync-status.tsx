/**
 * The status bar item for sync (docs/SYNC.md §2.10): last sync, pending, refused and kept-aside counts, a clock
 * warning, and a progress bar during a large sync. It links to the sync page, and tells sync when
 * the network comes back (the browser's `online` event) so it does not wait for its timer.
 */
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined, WarningOutlined } from '@ant-design/icons';
import { Progress, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../pages/sync/use-sync-status';
import { useDeskMutation } from '../use-desk';
import { pageHref } from './router';

function ago(iso: string, language: string): string {
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return minutes < 60 ? format.format(-minutes, 'minute') : format.format(-Math.round(minutes / 60), 'hour');
}

export function SyncStatusBar() {
  const { t, i18n } = useTranslation('sync');
  const { state } = useSyncStatus();
  const syncNow = useDeskMutation('sync.now');
  const { run } = syncNow;
  useEffect(() => {
    const online = () => void run({ online: true });
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [run]);

  const status = state.value;
  if (!status) return null;
  const label =
    status.state === 'idle'
      ? status.lastSyncAt
        ? t('bar.idle', { when: ago(status.lastSyncAt, i18n.language) })
        : t('bar.never')
      : t(`bar.${status.state === 'not_enrolled' ? 'notEnrolled' : status.state}`);
  const icon =
    status.state === 'stopped' || status.state === 'retrying' ? (
      <DisconnectOutlined aria-hidden />
    ) : status.state === 'syncing' ? (
      <CloudSyncOutlined aria-hidden />
    ) : (
      <CloudOutlined aria-hidden />
    );
  const progress = status.progress;
  return (
    <a href={pageHref('sync')} aria-label={t('bar.label')} className="cd-sync-status" role="status">
      <Space size={6}>
        {icon}
        <span>{label}</span>
        {/* A store not enrolled yet keeps its changes until it joins: a count here would read as an alarm. */}
        {status.pending > 0 && status.state !== 'not_enrolled' && (
          <Tag>{t('bar.pending', { count: status.pending })}</Tag>
        )}
        {status.rejected > 0 && <Tag color="error">{t('bar.rejected', { count: status.rejected })}</Tag>}
        {status.keptAside > 0 && <Tag color="warning">{t('bar.keptAside', { count: status.keptAside })}</Tag>}
        {status.clockWarning && (
          <Tag color="warning" icon={<WarningOutlined aria-hidden />}>
            {t('bar.clock')}
          </Tag>
        )}
        {status.searchBacklog > 0 && <Tag>{t('bar.searchBacklog', { count: status.searchBacklog })}</Tag>}
        {progress && (progress.total ?? progress.rows) > 200 && (
          <span style={{ width: 120, display: 'inline-block' }} aria-label={t('bar.progress', { rows: progress.rows })}>
            <Progress
              size="small"
              percent={progress.total ? Math.round((100 * progress.rows) / progress.total) : 50}
              status="active"
              showInfo={false}
            />
          </span>
        )}
      </Space>
    </a>
  );
}
