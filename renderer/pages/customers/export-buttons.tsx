/**
 * Export the current search (or, with an empty box, the customer list) to XLSX or CSV. Leads and
 * admins only; the desk checks the permission and logs every export before it sends the rows.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import Papa from 'papaparse';
import { useTranslation } from 'react-i18next';
import writeXlsxFile from 'write-excel-file/browser';
import type { ExportRow } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskMutation } from '../../use-desk';

const COLUMNS = ['name', 'phones', 'tier', 'addresses', 'products', 'createdAt'] as const satisfies ReadonlyArray<
  keyof ExportRow
>;

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons({ query }: { query: string }) {
  const { t } = useTranslation('cust');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const run = useDeskMutation('customers.export');

  const exportAs = async (format: 'xlsx' | 'csv'): Promise<void> => {
    const result = await run.run({ query: query.trim(), format });
    if (!result.ok) return void message.error(errorText(result.error.key));
    const header = COLUMNS.map((c) => t(`export.${c}`));
    const rows = result.value.rows.map((r) => COLUMNS.map((c) => (c === 'tier' ? tc(`tiers.${r.tier}`) : r[c])));
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'csv') {
      // A byte-order mark, so Excel opens the Chinese text as UTF-8.
      download(
        new Blob([`\uFEFF${Papa.unparse([header, ...rows])}`], { type: 'text/csv;charset=utf-8' }),
        `customers-${stamp}.csv`,
      );
    } else {
      download(await writeXlsxFile([header, ...rows]).toBlob(), `customers-${stamp}.xlsx`);
    }
    const count = result.value.rows.length;
    void message.success(result.value.truncated ? t('export.doneTruncated', { count }) : t('export.done', { count }));
  };

  return (
    <Dropdown
      menu={{
        items: [
          { key: 'xlsx', label: t('export.xlsx') },
          { key: 'csv', label: t('export.csv') },
        ],
        onClick: ({ key }) => void exportAs(key === 'csv' ? 'csv' : 'xlsx'),
      }}
    >
      <Button size="large" icon={<DownloadOutlined aria-hidden />} loading={run.pending}>
        {query.trim() === '' ? t('export.list') : t('export.search')}
      </Button>
    </Dropdown>
  );
}
