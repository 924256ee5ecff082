/**
 * Writing or changing the estimate: labour lines (what is done, quantity, price typed in yuan) and
 * parts picked from the catalogue (at the catalogue's price, which the store applies), each
 * covered by the warranty or not, a validity date and a note. The totals shown are worked out the
 * same way the store does (estimateTotals). Changing a version already with the customer says
 * that a new version will need their approval again.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDays,
  ESTIMATE_DEFAULT_VALID_DAYS,
  ESTIMATE_MAX_LINES,
  estimateTotals,
  type EstimateLineKind,
  type EstimatesView,
  type TicketDetail,
} from '../../../db/api';
import { DateInput } from '../../forms/date-input';
import { useErrorText } from '../../forms/error-text';
import { useDeskMutation } from '../../use-desk';
import { PartSelect } from '../parts/fields';
import { formatFen, yuanToFen } from '../parts/format';

type Draft = {
  key: number;
  kind: EstimateLineKind;
  description: string;
  partId: string | null;
  partLabel: { id: string; partNo: string; name: string } | undefined;
  quantity: number | null;
  unitPriceFen: number | null;
  covered: boolean;
};

type Props = {
  ticket: TicketDetail;
  view: EstimatesView;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
};

export function EstimateEditor(props: Props) {
  const { t } = useTranslation('tickets');
  return (
    <Modal
      open={props.open}
      title={t('estimate.editor.title')}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
      width={960}
    >
      {props.open ? <EditorBody {...props} /> : null}
    </Modal>
  );
}

let nextKey = 1;

function EditorBody({ ticket, view, onClose, onSaved }: Props) {
  const { t } = useTranslation('tickets');
  const { t: common } = useTranslation();
  const errorText = useErrorText();
  const save = useDeskMutation('tickets.estimateSave');
  const current = view.versions[0];
  const [lines, setLines] = useState<Draft[]>(() =>
    (current?.lines ?? []).map((l) => ({
      key: nextKey++,
      kind: l.kind,
      description: l.kind === 'labour' ? l.description : '',
      partId: l.partId,
      partLabel: l.partId ? { id: l.partId, partNo: l.partNo, name: l.description } : undefined,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      covered: l.covered,
    })),
  );
  const [validUntil, setValidUntil] = useState(
    current && current.validUntil >= view.today ? current.validUntil : addDays(view.today, ESTIMATE_DEFAULT_VALID_DAYS),
  );
  const [note, setNote] = useState(current?.note ?? '');
  const [error, setError] = useState<{ key: string; field?: string | undefined } | null>(null);
  const frozen = current !== undefined && current.status !== 'draft';

  const add = (kind: EstimateLineKind): void =>
    setLines((all) => [
      ...all,
      {
        key: nextKey++,
        kind,
        description: '',
        partId: null,
        partLabel: undefined,
        quantity: 1,
        unitPriceFen: kind === 'labour' ? 0 : null,
        covered: view.warrantyCovers,
      },
    ]);
  const change = (key: number, patch: Partial<Draft>): void =>
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const totals = estimateTotals(
    lines.map((l) => ({ quantity: l.quantity ?? 0, unitPriceFen: l.unitPriceFen ?? 0, covered: l.covered })),
  );

  const submit = async (): Promise<void> => {
    setError(null);
    const result = await save.run({
      ticketId: ticket.id,
      estimateId: current?.id ?? null,
      validUntil,
      note,
      lines: lines.map((l) => ({
        kind: l.kind,
        description: l.description,
        partId: l.partId,
        quantity: l.quantity ?? 0,
        unitPriceFen: l.unitPriceFen ?? 0,
        covered: l.covered,
      })),
    });
    if (result.ok) onSaved();
    else setError({ key: result.error.key, field: result.error.field });
  };
  const lineOf = (field: string | undefined): number | null => {
    const m = field ? /^lines\.(\d+)\./.exec(field) : null;
    return m ? Number(m[1]) + 1 : null;
  };
  const errorLine = lineOf(error?.field);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {frozen ? (
        <Alert type="info" showIcon title={t('estimate.editor.newVersion', { version: current.version + 1 })} />
      ) : null}
      {view.warrantyCovers ? <Alert type="success" showIcon title={t('estimate.editor.coveredHint')} /> : null}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines}
        columns={[
          { key: 'n', title: '#', width: 36, render: (_, __, i) => i + 1 },
          {
            key: 'description',
            title: t('estimate.columns.description'),
            render: (_, l, i) =>
              l.kind === 'labour' ? (
                <Input
                  aria-label={t('estimate.editor.lineDescription', { line: i + 1 })}
                  value={l.description}
                  maxLength={200}
                  status={errorLine === i + 1 ? 'error' : undefined}
                  onChange={(e) => change(l.key, { description: e.target.value })}
                />
              ) : (
                <PartSelect
                  label={t('estimate.editor.linePart', { line: i + 1 })}
                  value={l.partId ?? undefined}
                  initial={l.partLabel}
                  invalid={errorLine === i + 1}
                  onChange={(partId, part) =>
                    change(l.key, {
                      partId,
                      partLabel: part ? { id: part.id, partNo: part.partNo, name: part.name } : l.partLabel,
                      unitPriceFen: part?.priceFen ?? l.unitPriceFen,
                    })
                  }
                />
              ),
          },
          {
            key: 'quantity',
            title: t('estimate.columns.quantity'),
            width: 90,
            render: (_, l, i) => (
              <InputNumber
                aria-label={t('estimate.editor.lineQuantity', { line: i + 1 })}
                min={1}
                max={999}
                precision={0}
                value={l.quantity}
                onChange={(q) => change(l.key, { quantity: typeof q === 'number' ? q : null })}
                style={{ width: 72 }}
              />
            ),
          },
          {
            key: 'price',
            title: t('estimate.columns.unitPrice'),
            width: 150,
            render: (_, l, i) =>
              l.kind === 'labour' ? (
                <InputNumber
                  aria-label={t('estimate.editor.linePrice', { line: i + 1 })}
                  prefix="¥"
                  min={0}
                  max={1_000_000}
                  precision={2}
                  value={l.unitPriceFen === null ? null : l.unitPriceFen / 100}
                  onChange={(y) => change(l.key, { unitPriceFen: yuanToFen(typeof y === 'number' ? y : null) })}
                  style={{ width: 130 }}
                />
              ) : (
                <Typography.Text>
                  {l.unitPriceFen === null ? '—' : formatFen(l.unitPriceFen)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('estimate.editor.catalogue')}
                  </Typography.Text>
                </Typography.Text>
              ),
          },
          {
            key: 'covered',
            title: t('estimate.columns.covered'),
            width: 70,
            render: (_, l, i) => (
              <Checkbox
                aria-label={t('estimate.editor.lineCovered', { line: i + 1 })}
                checked={l.covered}
                onChange={(e) => change(l.key, { covered: e.target.checked })}
              />
            ),
          },
          {
            key: 'amount',
            title: t('estimate.columns.amount'),
            width: 110,
            align: 'right',
            render: (_, l) => formatFen(l.covered ? 0 : (l.quantity ?? 0) * (l.unitPriceFen ?? 0)),
          },
          {
            key: 'remove',
            width: 44,
            render: (_, l, i) => (
              <Button
                type="text"
                aria-label={t('estimate.editor.remove', { line: i + 1 })}
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => setLines((all) => all.filter((x) => x.key !== l.key))}
              />
            ),
          },
        ]}
      />
      <Space wrap>
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => add('labour')}
          disabled={lines.length >= ESTIMATE_MAX_LINES}
        >
          {t('estimate.editor.addLabour')}
        </Button>
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => add('part')}
          disabled={lines.length >= ESTIMATE_MAX_LINES}
        >
          {t('estimate.editor.addPart')}
        </Button>
      </Space>
      <Space wrap size={24}>
        <Typography.Text>
          {t('estimate.total')}: <Typography.Text strong>{formatFen(totals.totalFen)}</Typography.Text>
        </Typography.Text>
        <Typography.Text>
          {t('estimate.covered')}: {formatFen(totals.coveredFen)}
        </Typography.Text>
      </Space>
      <Space wrap align="start" size={16}>
        <label htmlFor="estimate-valid-until">
          <div style={{ marginBottom: 4 }}>{t('estimate.validUntil')}</div>
          <DateInput
            id="estimate-valid-until"
            value={validUntil}
            onChange={(v) => setValidUntil(v ?? '')}
            aria-invalid={error?.field === 'validUntil'}
          />
        </label>
        <label htmlFor="estimate-note" style={{ minWidth: 360 }}>
          <div style={{ marginBottom: 4 }}>{t('estimate.note')}</div>
          <Input.TextArea
            id="estimate-note"
            value={note}
            maxLength={500}
            autoSize={{ minRows: 1, maxRows: 3 }}
            onChange={(e) => setNote(e.target.value)}
            style={{ width: 360 }}
          />
        </label>
      </Space>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorLine ? `#${errorLine}: ${errorText(error.key)}` : errorText(error.key)}
        />
      ) : null}
      <Space>
        <Button type="primary" onClick={() => void submit()} loading={save.pending}>
          {t('estimate.editor.save')}
        </Button>
        <Button onClick={onClose}>{common('form.cancel')}</Button>
      </Space>
    </Space>
  );
}
