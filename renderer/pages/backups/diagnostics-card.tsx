/**
 * "Export diagnostics" on the Backups page (admin): a zip for support with this PC's logs,
 * versions, sync state and settings, and no customer data. It goes to the backup folder in use
 * unless the admin names another (a USB drive to carry it away); the main process checks
 * `diagnostics.export` and the folder. In the browser host the admin may also download it
 * (diagnostics-download.ts): the browser's own downloads are where a support file is looked for.
 */
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskMutation } from '../../use-desk';
import { downloadDiagnostics, downloadsDiagnostics } from './diagnostics-download';
import { sizeText } from './format';

type Exported = MethodResult<'backup.exportDiagnostics'>;

export function DiagnosticsCard({ backupFolder }: { backupFolder: string | undefined }) {
  const { t } = useTranslation('backup');
  const errorText = useErrorText();
  const run = useDeskMutation('backup.exportDiagnostics');
  const [folder, setFolder] = useState('');
  const [done, setDone] = useState<(Exported & { downloaded?: boolean }) | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [problem, setProblem] = useState<{ key: string; field: string | undefined } | null>(null);

  const exportNow = async () => {
    setDone(null);
    setProblem(null);
    const result = await run.run({ folder: folder.trim() === '' ? null : folder.trim() });
    if (result.ok) setDone(result.value);
    else setProblem({ key: result.error.key, field: result.error.field });
  };
  const downloadNow = async () => {
    setDone(null);
    setProblem(null);
    setDownloading(true);
    const result = await downloadDiagnostics();
    setDownloading(false);
    if (result.ok) setDone({ ...result.value, downloaded: true });
    else setProblem({ key: result.error.key, field: undefined });
  };
  const folderProblem = problem?.field === 'folder' ? problem.key : null;
  // The answer appears below the button, at the foot of a long page: bring it into view.
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done || problem) answer.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [done, problem]);

  return (
    <section aria-labelledby="diagnostics-title" style={{ marginTop: 32 }}>
      <Typography.Title level={3} id="diagnostics-title">
        {t('diagnostics.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('diagnostics.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void exportNow()}>
        <Form.Item
          label={t('diagnostics.folder')}
          htmlFor="diagnostics-folder"
          help={folderProblem ? errorText(folderProblem) : t('diagnostics.folderHelp')}
          validateStatus={folderProblem ? 'error' : undefined}
        >
          <Input
            id="diagnostics-folder"
            value={folder}
            maxLength={400}
            onChange={(event) => setFolder(event.target.value)}
            placeholder={backupFolder}
            aria-invalid={folderProblem ? true : undefined}
          />
        </Form.Item>
        <Space style={{ marginBottom: 16 }}>
          <Button htmlType="submit" loading={run.pending} disabled={downloading}>
            {t('diagnostics.export')}
          </Button>
          {downloadsDiagnostics() && (
            <Button type="primary" loading={downloading} disabled={run.pending} onClick={() => void downloadNow()}>
              {t('diagnostics.download')}
            </Button>
          )}
        </Space>
      </Form>
      <div ref={answer}>
        {done && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t(done.downloaded ? 'diagnostics.downloaded' : 'diagnostics.done', {
              size: sizeText(done.sizeBytes),
            })}
            description={
              <>
                <Typography.Text copyable code style={{ wordBreak: 'break-all' }}>
                  {done.file}
                </Typography.Text>
                <br />
                {done.downloaded ? t('diagnostics.downloadedHelp') : ''}
                {t('diagnostics.doneHelp')}
                {done.logsCut ? ` ${t('diagnostics.logsCut')}` : ''}
              </>
            }
          />
        )}
        {problem && !folderProblem && <Alert type="error" showIcon role="alert" title={errorText(problem.key)} />}
      </div>
    </section>
  );
}
