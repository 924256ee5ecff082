/**
 * Buttons that print labels: a number of labels of one record (a part's, a goods tag per piece
 * taken in), the bin labels of a location (one bin, a shelf or all), or a fixed number (one per
 * unit received). Each asks what it must, then opens the print preview of that job: the count or
 * the bins ride in the subject id (db/print/label-subjects.ts).
 */
import { PrinterOutlined, TagsOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { binSubjectId, countedSubjectId, MAX_LABELS_PER_JOB, type PrintForm } from '../../db/api';
import { LazyPrintPreview } from './lazy-preview';

type CountedLabelsProps = {
  form: Extract<PrintForm, 'part-label' | 'goods-tag'>;
  /** The part's or the ticket's id. */
  recordId: string;
  text: string;
  /** What the count is called in the dialog and its help line. */
  countLabel: string;
  countHelp: string;
  /** Tells two such buttons apart for a screen reader (e.g. "Print label WM-PUMP-01"). */
  ariaLabel?: string;
  size?: ButtonProps['size'];
};

export function CountedLabelsButton({
  form,
  recordId,
  text,
  countLabel,
  countHelp,
  ariaLabel,
  size,
}: CountedLabelsProps) {
  const { t } = useTranslation('print');
  const [asking, setAsking] = useState(false);
  const [count, setCount] = useState(1);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const inputId = `label-count-${form}`;
  return (
    <>
      <Button icon={<TagsOutlined aria-hidden />} size={size} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {text}
      </Button>
      <Modal
        open={asking}
        title={text}
        okText={t('label.next')}
        cancelText={t('preview.close')}
        onOk={() => {
          setAsking(false);
          setPreviewing(countedSubjectId(recordId, count));
        }}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={countLabel} htmlFor={inputId} extra={countHelp}>
            <InputNumber
              id={inputId}
              min={1}
              max={MAX_LABELS_PER_JOB}
              precision={0}
              value={count}
              onChange={(value) => setCount(typeof value === 'number' ? value : 1)}
            />
          </Form.Item>
        </Form>
      </Modal>
      {previewing !== null && (
        <LazyPrintPreview form={form} subjectId={previewing} open onClose={() => setPreviewing(null)} />
      )}
    </>
  );
}

export function BinLabelsButton({ locationId, locationCode }: { locationId: string; locationCode: string }) {
  const { t } = useTranslation('print');
  const [asking, setAsking] = useState(false);
  const [bins, setBins] = useState('*');
  const [previewing, setPreviewing] = useState<string | null>(null);
  const inputId = `bin-labels-${locationCode}`;
  const title = `${t('label.printBinLabels')} ${locationCode}`;
  const wanted = bins.trim().toUpperCase();
  return (
    <>
      <Button size="small" icon={<TagsOutlined aria-hidden />} aria-label={title} onClick={() => setAsking(true)}>
        {t('label.printBinLabels')}
      </Button>
      <Modal
        open={asking}
        title={title}
        okText={t('label.next')}
        cancelText={t('preview.close')}
        okButtonProps={{ disabled: wanted === '' || /[\s:]/.test(wanted) }}
        onOk={() => {
          setAsking(false);
          setPreviewing(binSubjectId(locationId, wanted));
        }}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('label.binOrShelf')} htmlFor={inputId} extra={t('label.binOrShelfHelp')}>
            <Input id={inputId} value={bins} maxLength={21} onChange={(event) => setBins(event.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
      {previewing !== null && (
        <LazyPrintPreview form="bin-label" subjectId={previewing} open onClose={() => setPreviewing(null)} />
      )}
    </>
  );
}

/** A part's labels, one per unit (a receipt line's accepted quantity): straight to the preview. */
export function UnitLabelsButton({ partId, units, ariaLabel }: { partId: string; units: number; ariaLabel: string }) {
  const { t } = useTranslation('print');
  const [open, setOpen] = useState(false);
  const count = Math.min(Math.max(1, units), MAX_LABELS_PER_JOB);
  return (
    <>
      <Button size="small" icon={<PrinterOutlined aria-hidden />} aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {t('label.labelsPerUnit', { n: count })}
      </Button>
      {open && (
        <LazyPrintPreview
          form="part-label"
          subjectId={countedSubjectId(partId, count)}
          open
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
