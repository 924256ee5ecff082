/**
 * One figure of a report: a chart with an accessible name and, below it, the same numbers in a
 * table (what screen readers and tests read), exportable to Excel with the customers' writer.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import writeXlsxFile from 'write-excel-file/browser';

export type FigureColumn<T> = Readonly<{ key: string; title: string; value: (row: T) => string | number }>;

async function saveXlsx<T>(
  fileName: string,
  columns: ReadonlyArray<FigureColumn<T>>,
  rows: ReadonlyArray<T>,
): Promise<void> {
  const sheet = [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => c.value(r)))];
  const url = URL.createObjectURL(await writeXlsxFile(sheet).toBlob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportFigure<T>(props: {
  title: string;
  chart?: ReactNode;
  columns: ReadonlyArray<FigureColumn<T>>;
  rows: ReadonlyArray<T>;
  rowKey: (row: T) => string;
  fileName: string;
}) {
  const { t } = useTranslation('tickets');
  const { title, chart, columns, rows, rowKey, fileName } = props;
  return (
    <Card
      size="small"
      title={title}
      role="region"
      aria-label={title}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined aria-hidden />}
          disabled={rows.length === 0}
          aria-label={t('serviceReports.exportLabel', { table: title })}
          onClick={() => void saveXlsx(fileName, columns, rows)}
        >
          {t('serviceReports.exportXlsx')}
        </Button>
      }
    >
      {chart && rows.length > 0 ? (
        <div role="img" aria-label={title} style={{ width: '100%', height: 240 }}>
          {chart}
        </div>
      ) : null}
      <Table<T>
        size="small"
        pagination={false}
        aria-label={t('serviceReports.table', { chart: title })}
        rowKey={rowKey}
        locale={{ emptyText: t('serviceReports.none') }}
        dataSource={[...rows]}
        columns={columns.map((c) => ({ key: c.key, title: c.title, render: (_: unknown, r: T) => c.value(r) }))}
      />
    </Card>
  );
}
