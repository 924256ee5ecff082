/**
 * One figure of a report: a chart and, below it, the same numbers in a table (what screen readers,
 * tests and the Excel export read), with an "Export to Excel" button writing exactly those rows.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import writeXlsxFile from 'write-excel-file/browser';

export type Column<T> = Readonly<{
  key: string;
  title: string;
  value: (row: T) => string | number;
  /** What the table shows, when not the value itself (a percentage, money). */
  show?: (row: T) => ReactNode;
  align?: 'right';
  width?: number;
}>;

async function saveXlsx<T>(fileName: string, columns: ReadonlyArray<Column<T>>, rows: ReadonlyArray<T>): Promise<void> {
  const sheet = [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => c.value(r)))];
  const url = URL.createObjectURL(await writeXlsxFile(sheet).toBlob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Figure<T>(props: {
  title: string;
  chart?: ReactNode;
  columns: ReadonlyArray<Column<T>>;
  rows: ReadonlyArray<T>;
  rowKey: (row: T) => string;
  fileName: string;
  /** Long lists (stores) page by 10; short ones show whole. */
  paged?: boolean;
}) {
  const { t } = useTranslation('reports');
  const { title, chart, columns, rows, rowKey, fileName, paged } = props;
  return (
    <Card
      size="small"
      title={title}
      role="region"
      aria-label={title}
      style={{ marginBottom: 16 }}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined aria-hidden />}
          disabled={rows.length === 0}
          aria-label={t('exportLabel', { table: title })}
          onClick={() => void saveXlsx(`${fileName}.xlsx`, columns, rows)}
        >
          {t('export')}
        </Button>
      }
    >
      {chart && rows.length > 0 ? (
        <div role="img" aria-label={title} style={{ width: '100%', height: 220 }}>
          {chart}
        </div>
      ) : null}
      <Table<T>
        size="small"
        aria-label={t('tableOf', { chart: title })}
        rowKey={rowKey}
        tableLayout="fixed"
        pagination={paged && rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <Typography.Text type="secondary">{t('none')}</Typography.Text> }}
        dataSource={[...rows]}
        columns={columns.map((c) => ({
          key: c.key,
          title: c.title,
          align: c.align,
          width: c.width,
          ellipsis: { showTitle: true },
          render: (_: unknown, r: T) => (c.show ? c.show(r) : c.value(r)),
        }))}
      />
    </Card>
  );
}
