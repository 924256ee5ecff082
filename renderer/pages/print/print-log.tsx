/** The store's print log: who printed which form of which record, when, and how it ended. */
import { Alert, Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintLogEntry } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { desk } from '../../desk';
import { formatDateTime } from '../../print/format';
import { CopyLabel } from '../../print/print-history';
import { LazyPrintPreview } from '../../print/lazy-preview';
import { useDeskQuery } from '../../use-desk';

export function PrintLog() {
  const { t } = useTranslation('print');
  const errorText = useErrorText();
  const { state } = useDeskQuery('print.log', { limit: 50 }, { refetchOn: ['print.changed'] });
  const [older, setOlder] = useState<PrintLogEntry[]>([]);
  const [reprint, setReprint] = useState<PrintLogEntry | null>(null);
  const entries = [...(state.value?.items ?? []), ...older];

  const loadOlder = async (): Promise<void> => {
    const last = entries.at(-1);
    if (!last) return;
    const result = await desk.call('print.log', { limit: 50, before: last.printedAt });
    if (result.ok) setOlder((previous) => [...previous, ...result.value.items]);
  };

  return (
    <section aria-labelledby="print-log-title">
      <Typography.Title level={3} id="print-log-title">
        {t('settings.logTitle')}
      </Typography.Title>
      {state.status === 'error' && <Alert type="error" showIcon title={errorText(state.error.key)} />}
      <Table<PrintLogEntry>
        size="small"
        rowKey="id"
        pagination={false}
        loading={state.status === 'loading' && !state.value}
        dataSource={entries}
        locale={{ emptyText: t('settings.empty') }}
        aria-label={t('settings.logTitle')}
        columns={[
          { title: t('settings.when'), dataIndex: 'printedAt', render: (value: string) => formatDateTime(value) },
          { title: t('settings.who'), dataIndex: 'staffName', render: (value: string | null) => value ?? '—' },
          {
            title: t('settings.what'),
            dataIndex: 'form',
            render: (value: PrintLogEntry['form']) => t(`form.${value}`),
          },
          {
            title: t('settings.number'),
            dataIndex: 'subjectNo',
            render: (value: string, entry) => (
              <Button
                type="link"
                size="small"
                onClick={() => setReprint(entry)}
                aria-label={`${t('preview.print')} ${t(`form.${entry.form}`)} ${value}`}
              >
                {value}
              </Button>
            ),
          },
          { title: t('settings.copy'), dataIndex: 'copyNo', render: (value: number) => <CopyLabel copyNo={value} /> },
          {
            title: t('settings.where'),
            dataIndex: 'output',
            render: (value: PrintLogEntry['output'], entry) =>
              `${t(`output.${value}`)}${entry.printer ? ` · ${entry.printer}` : ''}`,
          },
          {
            title: t('settings.outcome'),
            dataIndex: 'result',
            render: (value: PrintLogEntry['result'], entry) => (
              <Tag
                color={value === 'failed' ? 'red' : value === 'cancelled' ? 'default' : 'green'}
                title={entry.reason || undefined}
              >
                {t(`result.${value}`)}
              </Tag>
            ),
          },
        ]}
      />
      {entries.length > 0 && entries.length % 50 === 0 && (
        <Button style={{ marginTop: 8 }} onClick={() => void loadOlder()}>
          {t('settings.more')}
        </Button>
      )}
      {reprint && (
        <LazyPrintPreview form={reprint.form} subjectId={reprint.subjectId} open onClose={() => setReprint(null)} />
      )}
    </section>
  );
}
