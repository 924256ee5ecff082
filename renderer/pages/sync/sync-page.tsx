/** The sync page: where this PC stands with head office, enrollment, and the refused changes. */
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation } from '../../use-desk';
import { EnrollForm } from './enroll-form';
import { JoinOffersPanel } from './join-offers-panel';
import { KeptAsideTable } from './kept-aside-table';
import { ProblemsTable } from './problems-table';
import { useSyncStatus } from './use-sync-status';
import { UpdatePanel } from './update-panel';
import { lastProblemText } from './last-problem';
import { credentialsText } from './credentials-text';

export function SyncPage() {
  const { t, i18n } = useTranslation('sync');
  const { can } = useSignedIn();
  const { state, refetch } = useSyncStatus();
  const syncNow = useDeskMutation('sync.now');
  const status = state.value;
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('bar.never'));
  return (
    // What a sync shows as it goes (state, last sync's exact time, waiting count), for whoever waits
    // on this page for a sync to end or a count to move.
    <section
      aria-labelledby="sync-page-title"
      data-sync-state={status?.state}
      data-last-sync={status?.lastSyncAt ?? ''}
      data-pending={status?.pending}
    >
      <Typography.Title level={2} id="sync-page-title" style={{ marginTop: 0 }}>
        {t('page.title')}
      </Typography.Title>
      {status?.stopReason && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t(status.stopReason === 'device_revoked' ? 'page.revoked' : 'page.unauthorized')}
        />
      )}
      {status?.restoredCopy && (
        <Alert
          type={status.restoredCopy.takingBack ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(status.restoredCopy.takingBack ? 'page.restoring' : 'page.restored', {
            when: when(status.restoredCopy.detectedAt),
            count: status.restoredCopy.takenBack,
          })}
        />
      )}
      {status && status.enrolled && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 24 }}>
          <Descriptions bordered size="small" column={1} title={t('page.status')}>
            <Descriptions.Item label={t('page.server')}>{status.serverUrl}</Descriptions.Item>
            <Descriptions.Item label={t('page.store')}>{status.storeCode}</Descriptions.Item>
            <Descriptions.Item label={t('page.lastSync')}>{when(status.lastSyncAt)}</Descriptions.Item>
            <Descriptions.Item label={t('page.pending')}>{status.pending}</Descriptions.Item>
            <Descriptions.Item label={t('page.rejected')}>{status.rejected}</Descriptions.Item>
            <Descriptions.Item label={t('page.keptAside')}>{status.keptAside}</Descriptions.Item>
            <Descriptions.Item label={t('page.clock')}>
              {status.clockWarning
                ? t('page.clockOff', { minutes: Math.round(Math.abs(status.clockOffsetMs) / 60_000) })
                : t('page.clockOk')}
            </Descriptions.Item>
            {status.credentialsKept && (
              <Descriptions.Item label={t('page.credentials')}>
                {credentialsText(t, status.credentialsKept)}
              </Descriptions.Item>
            )}
            {status.lastError && (
              <Descriptions.Item label={t('page.lastError')}>{lastProblemText(t, status)}</Descriptions.Item>
            )}
            {status.searchBacklog > 0 && (
              <Descriptions.Item label={t('page.searchBacklog')}>
                {t('page.searchBacklogValue', { count: status.searchBacklog })}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Button
            onClick={() => void syncNow.run({ online: true })}
            loading={syncNow.pending || status.state === 'syncing'}
            disabled={status.state === 'stopped'}
          >
            {t('page.syncNow')}
          </Button>
        </Space>
      )}
      {status && can('store.manage') && (!status.enrolled || status.stopReason) && (
        <EnrollForm status={status} refetch={refetch} />
      )}
      <UpdatePanel />
      <JoinOffersPanel />
      <KeptAsideTable />
      <ProblemsTable />
    </section>
  );
}
