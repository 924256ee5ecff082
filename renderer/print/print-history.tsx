/** Who printed a form when, as a compact list (preview) — the print log's entries for one record. */
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PrintLogEntry } from '../../db/api';
import { formatDateTime } from './format';

export function CopyLabel({ copyNo }: { copyNo: number }) {
  const { t } = useTranslation('print');
  return copyNo === 0 ? (
    <Tag>{t('settings.original')}</Tag>
  ) : (
    <Tag color="orange">{copyNo === 1 ? t('sheet.copy') : t('sheet.copyNo', { n: copyNo })}</Tag>
  );
}

export function PrintHistoryList({ entries }: { entries: ReadonlyArray<PrintLogEntry> }) {
  const { t } = useTranslation('print');
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('preview.history')}</Typography.Text>}
      dataSource={[...entries]}
      rowKey="id"
      renderItem={(entry) => (
        <List.Item>
          <span>{formatDateTime(entry.printedAt)}</span>
          <span>{entry.staffName ?? '—'}</span>
          <CopyLabel copyNo={entry.copyNo} />
          <span>
            {t(`output.${entry.output}`)}
            {entry.printer ? ` · ${entry.printer}` : ''}
          </span>
          <Tag color={entry.result === 'failed' ? 'red' : entry.result === 'cancelled' ? 'default' : 'green'}>
            {t(`result.${entry.result}`)}
          </Tag>
        </List.Item>
      )}
    />
  );
}
