/**
 * The Backups page (admin): the backup folder, "Back up now", and every backup on this PC with its
 * check; a verified one can be restored. The main process checks `backup.manage` on every call.
 */
import { Alert, App, Button, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettingsView, BackupSummary } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { DiagnosticsCard } from './diagnostics-card';
import { sizeText, timeText } from './format';

export function BackupsPage() {
  const { t, i18n } = useTranslation('backup');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const settings = useDeskQuery('backup.settings', {}, { refetchOn: ['backup.changed'] });
  const list = useDeskQuery('backup.list', {}, { refetchOn: ['backup.changed'] });
  const create = useDeskMutation('backup.create');
  const restore = useDeskMutation('backup.restore');
  const [problem, setProblem] = useState<string | null>(null);
  const { can } = useSignedIn();
  const saved = settings.state.value;
  const backUpNow = async () => {
    setProblem(null);
    const result = await create.run({});
    if (result.ok) void message.success(t('page.backedUp'));
    else setProblem(result.error.key);
  };
  const restoreOne = async (backup: BackupSummary) => {
    setProblem(null);
    const result = await restore.run({ name: backup.name });
    if (!result.ok) return setProblem(result.error.key);
    void message.success(t('page.restored'));
    // Every page's data changed and the sign-in may be gone: start the app afresh.
    window.setTimeout(() => window.location.reload(), 800);
  };

  return (
    <section aria-labelledby="backups-title" style={{ maxWidth: 960 }}>
      <Typography.Title level={2} id="backups-title" style={{ marginTop: 0 }}>
        {t('page.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('page.intro')}</Typography.Paragraph>
      {saved?.folderWarning && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('warning.folder', { folder: saved.folderWarning.folder })}
          description={errorText(saved.folderWarning.problem)}
        />
      )}
      {saved && <FolderForm key={saved.folder ?? ''} saved={saved} />}
      <Space style={{ margin: '8px 0 16px' }}>
        <Button type="primary" onClick={() => void backUpNow()} loading={create.pending}>
          {t('page.backupNow')}
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorText(problem)} />}
      <Typography.Title level={3}>{t('page.list')}</Typography.Title>
      <Table<BackupSummary>
        rowKey="name"
        size="small"
        loading={list.state.status === 'loading' && !list.state.value}
        dataSource={[...(list.state.value ?? [])]}
        locale={{ emptyText: t('page.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('page.when'), dataIndex: 'createdAt', render: (iso: string) => timeText(iso, i18n.language) },
          { title: t('page.kind'), dataIndex: 'kind', render: (kind: BackupSummary['kind']) => t(`kinds.${kind}`) },
          { title: t('page.size'), dataIndex: 'sizeBytes', render: (bytes: number) => sizeText(bytes) },
          {
            title: t('page.check'),
            dataIndex: 'status',
            render: (status: BackupSummary['status'], row) =>
              status === 'verified' ? (
                <Tag color="green">{t('page.verified')}</Tag>
              ) : (
                <Tag color="red" title={row.problem ?? undefined}>
                  {t('page.failed')}
                </Tag>
              ),
          },
          {
            title: t('page.where'),
            dataIndex: 'folder',
            render: (where: string) => <Typography.Text type="secondary">{where}</Typography.Text>,
          },
          {
            title: '',
            key: 'restore',
            render: (_: unknown, row) =>
              row.status === 'verified' ? (
                <Popconfirm
                  title={t('page.restoreTitle')}
                  description={
                    <div style={{ maxWidth: 360 }}>
                      {t('page.restoreConfirm', { when: timeText(row.createdAt, i18n.language) })}
                    </div>
                  }
                  okText={t('page.restore')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('page.cancel')}
                  onConfirm={() => restoreOne(row)}
                >
                  <Button danger size="small" loading={restore.pending}>
                    {t('page.restore')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {can('diagnostics.export') && <DiagnosticsCard backupFolder={saved?.inUse} />}
    </section>
  );
}

/** The backup folder: typed, checked by the main process (absolute, exists, writable) when saved. */
function FolderForm({ saved }: { saved: BackupSettingsView }) {
  const { t } = useTranslation('backup');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const setFolder = useDeskMutation('backup.setFolder');
  const [folder, setFolderText] = useState(saved.folder ?? '');
  const [folderError, setFolderError] = useState<string | null>(null);
  const saveFolder = async (value: string | null) => {
    setFolderError(null);
    const result = await setFolder.run({ folder: value });
    if (result.ok) void message.success(t('form.saved', { ns: 'common' }));
    else setFolderError(result.error.key);
  };
  return (
    <Form layout="vertical" onFinish={() => void saveFolder(folder.trim() === '' ? null : folder.trim())}>
      <Form.Item
        label={t('page.folder')}
        htmlFor="backup-folder"
        help={folderError ? errorText(folderError) : t('page.folderHelp')}
        validateStatus={folderError ? 'error' : undefined}
      >
        <Input
          id="backup-folder"
          value={folder}
          maxLength={400}
          onChange={(event) => setFolderText(event.target.value)}
          placeholder={saved.defaultFolder}
          aria-invalid={folderError ? true : undefined}
        />
      </Form.Item>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button htmlType="submit" loading={setFolder.pending}>
          {t('page.saveFolder')}
        </Button>
        <Button onClick={() => void saveFolder(null)} disabled={saved.folder === null}>
          {t('page.useDefault')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('page.inUse', { folder: saved.inUse })}
        <br />
        {t('page.defaultFolder', { folder: saved.defaultFolder })}
      </Typography.Paragraph>
    </Form>
  );
}
