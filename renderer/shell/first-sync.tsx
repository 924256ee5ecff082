/**
 * What a newly enrolled PC shows instead of its pages until its first sync has finished: the
 * store's records arrive table by table, so for a moment a customer could be here without his
 * phones or a requisition without its lines (docs/SYNC.md I6). Nothing needs doing; the Sync page stays
 * reachable for when head office cannot be reached. A PC already in use that takes the records
 * again (a replacement sync) keeps its pages and shows ResyncBanner above them instead.
 */
import { Alert, Result, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../db/api';
import { lastProblemText } from '../pages/sync/last-problem';
import { pageHref } from './router';

/** Above the pages while a PC in use takes head office's records again: it works on, and says lists may be short. */
export function ResyncBanner({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const rows = status.progress?.phase === 'pull' ? status.progress.rows : 0;
  return (
    <Alert
      role="status"
      type="info"
      showIcon
      banner
      style={{ marginBottom: 16 }}
      message={t('resync.title')}
      description={`${t('resync.body')}${rows > 0 ? ` ${t('resync.progress', { rows })}` : ''}`}
    />
  );
}

export function FirstSyncScreen({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const rows = status.progress?.phase === 'pull' ? status.progress.rows : 0;
  return (
    <Result
      status="info"
      title={t('firstSync.title')}
      subTitle={t('firstSync.body')}
      extra={
        <div style={{ maxWidth: 420, margin: '0 auto' }}>
          {/* How many records the store has is not known ahead: a count, not a bar that would guess. */}
          <Space role="status">
            <Spin size="small" />
            <span>{t('firstSync.progress', { rows })}</span>
          </Space>
          {status.lastError && (
            <Alert
              type="warning"
              showIcon
              message={t('firstSync.problem')}
              description={
                <>
                  {/* The technical reason as the engine gives it, for whoever looks after the network. */}
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{lastProblemText(t, status)}</div>
                  <a href={pageHref('sync')}>{t('firstSync.openSync')}</a>
                </>
              }
            />
          )}
        </div>
      }
    />
  );
}
