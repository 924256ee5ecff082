/** The printing page: this PC's printers per form, and the store's print log with reprint. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PrinterSettings } from './printer-settings';
import { PrintLog } from './print-log';

export function PrintPage() {
  const { t } = useTranslation('print');
  return (
    <section aria-labelledby="print-page-title">
      <Typography.Title level={2} id="print-page-title" style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <PrinterSettings />
      <PrintLog />
    </section>
  );
}
