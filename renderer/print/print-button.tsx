/**
 * The one control other pages need for printing: a button that opens the print preview of a form
 * of a record, e.g. `<PrintButton form="service-form" subjectId={ticket.id} />`.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintForm } from '../../db/api';
import { LazyPrintPreview } from './lazy-preview';

type PrintButtonProps = { form: PrintForm; subjectId: string; size?: ButtonProps['size'] };

export function PrintButton({ form, subjectId, size }: PrintButtonProps) {
  const { t } = useTranslation('print');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<PrinterOutlined />} size={size} onClick={() => setOpen(true)}>
        {t(`form.${form}`)}
      </Button>
      {open && <LazyPrintPreview form={form} subjectId={subjectId} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
