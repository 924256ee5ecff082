/**
 * The ticket's estimate (报价单): the current version's lines and totals, its status, whether the
 * work may start, and what the staff member may do next — write or change it, hand it to the
 * customer, print it, record the customer's decision. Earlier versions stay listed with their
 * decisions. The store decides everything (db/tickets/estimates/); this shows it and asks.
 */
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EstimateStatus, EstimateView, EstimatesView, TicketDetail } from '../../../db/api';
import { formatDate, formatDateTime } from '../../format/date';
import { useErrorText } from '../../forms/error-text';
import { PrintButton } from '../../print/print-button';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { formatFen } from '../parts/format';
import { EstimateDecideDialog } from './estimate-decide-dialog';
import { EstimateEditor } from './estimate-editor';
import { EstimateLines } from './estimate-lines';
import { SignatureImage } from './signature-pad';

const FINISHED: ReadonlyArray<string> = ['closed', 'voided', 'declined'];

const STATUS_COLOR: Record<EstimateStatus, string> = {
  draft: 'default',
  sent: 'gold',
  approved: 'green',
  declined: 'red',
  expired: 'volcano',
  superseded: 'default',
};

export function EstimateSection({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation('tickets');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { state } = useDeskQuery('tickets.estimates', { ticketId: ticket.id }, { refetchOn: ['tickets.changed'] });
  const send = useDeskMutation('tickets.estimateSend');
  const [editing, setEditing] = useState(false);
  const [deciding, setDeciding] = useState(false);
  const view = state.value;
  if (!view) return null;
  const current = view.versions[0];
  // A finished job is priced no more (the store refuses it too).
  const open = !FINISHED.includes(ticket.status);
  const mayPrice = can('charges.estimate') && open;
  const mayDecide = can('tickets.intake') && (current?.status === 'draft' || current?.status === 'sent');

  const handOver = async (): Promise<void> => {
    if (!current) return;
    const result = await send.run({ estimateId: current.id });
    if (result.ok) void message.success(t('estimate.sent'));
    else void message.error(errorText(result.error.key));
  };

  return (
    <Card
      size="small"
      title={t('estimate.title')}
      role="region"
      aria-label={t('estimate.title')}
      extra={current ? <Tag color={STATUS_COLOR[current.status]}>{t(`estimate.status.${current.status}`)}</Tag> : null}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <GateLine view={view} />
        {current ? (
          <CurrentVersion estimate={current} />
        ) : (
          <Typography.Text type="secondary">
            {view.warrantyCovers ? t('estimate.noneCovered') : t('estimate.none')}
          </Typography.Text>
        )}
        <Space wrap>
          {mayPrice ? (
            <Button type={current ? 'default' : 'primary'} onClick={() => setEditing(true)}>
              {current ? t('estimate.change') : t('estimate.create')}
            </Button>
          ) : null}
          {mayPrice && current?.status === 'draft' ? (
            <Button onClick={() => void handOver()} loading={send.pending}>
              {t('estimate.send')}
            </Button>
          ) : null}
          {mayDecide ? (
            <Button type="primary" onClick={() => setDeciding(true)}>
              {t('estimate.decide')}
            </Button>
          ) : null}
          {current ? <PrintButton form="estimate" subjectId={current.id} /> : null}
        </Space>
        {view.versions.length > 1 ? <History versions={view.versions.slice(1)} /> : null}
      </Space>
      <EstimateEditor
        ticket={ticket}
        view={view}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('estimate.editor.saved'));
        }}
      />
      {current ? (
        <EstimateDecideDialog
          ticket={ticket}
          estimate={current}
          open={deciding}
          onClose={() => setDeciding(false)}
          onDone={() => {
            setDeciding(false);
            void message.success(t('estimate.decideDialog.saved'));
          }}
        />
      ) : null}
    </Card>
  );
}

function GateLine({ view }: { view: EstimatesView }) {
  const { t } = useTranslation('tickets');
  const errorText = useErrorText();
  if (view.gate !== null) return <Alert type="warning" showIcon title={errorText(view.gate)} />;
  if (view.versions[0]?.status === 'approved') return <Alert type="success" showIcon title={t('estimate.gateOk')} />;
  return null;
}

function CurrentVersion({ estimate }: { estimate: EstimateView }) {
  const { t } = useTranslation('tickets');
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <EstimateLines estimate={estimate} />
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('estimate.total')}>
          <Typography.Text strong>{formatFen(estimate.totalFen)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('estimate.covered')}>{formatFen(estimate.coveredFen)}</Descriptions.Item>
        <Descriptions.Item label={t('estimate.validUntil')}>{formatDate(estimate.validUntil)}</Descriptions.Item>
        <Descriptions.Item label={t('estimate.versionLabel')}>
          {`${estimate.version} · ${estimate.createdByName}`}
        </Descriptions.Item>
        {estimate.note ? (
          <Descriptions.Item label={t('estimate.note')} span={2}>
            {estimate.note}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {estimate.decision ? <DecisionLine estimate={estimate} /> : null}
    </Space>
  );
}

function DecisionLine({ estimate }: { estimate: EstimateView }) {
  const { t } = useTranslation('tickets');
  const d = estimate.decision!;
  return (
    <Space orientation="vertical" size={4}>
      <Typography.Text>
        {t('estimate.decidedBy', {
          decision: t(`estimate.decisions.${d.decision}`),
          name: d.customerName,
          method: t(`estimate.methods.${d.method}`),
          at: formatDateTime(d.decidedAt),
          staff: d.recordedByName,
        })}
      </Typography.Text>
      {d.note ? <Typography.Text type="secondary">{d.note}</Typography.Text> : null}
      {d.strokes && d.width && d.height ? (
        <SignatureImage
          strokes={d.strokes.map((s) => s.map(([x, y]) => [x, y] as [number, number]))}
          width={d.width}
          height={d.height}
          label={`${t('fields.signature')}: ${d.customerName}`}
        />
      ) : null}
      <Tag color={d.intact ? 'green' : 'red'}>{d.intact ? t('estimate.intact') : t('estimate.broken')}</Tag>
    </Space>
  );
}

function History({ versions }: { versions: ReadonlyArray<EstimateView> }) {
  const { t } = useTranslation('tickets');
  return (
    <section aria-label={t('estimate.history')}>
      <Typography.Text strong>{t('estimate.history')}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {versions.map((v) => (
          <li key={v.id}>
            {t('estimate.historyLine', {
              version: v.version,
              status: t(`estimate.status.${v.status}`),
              total: formatFen(v.totalFen),
            })}
            {v.decision ? ` · ${v.decision.customerName} ${formatDateTime(v.decision.decidedAt)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
