/**
 * One requisition form: who asked, the parts lead's signature, what was issued and returned; and
 * the step this role can take now: sign (line by line), issue, or take parts back.
 */
import { Alert, Descriptions, Drawer, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequisitionView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { PrintButton } from '../../print/print-button';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { formatTime } from './format';
import { LinesTable } from './requisition-lines';
import { CancelStep, canCancel } from './requisition-cancel';
import { SignStep } from './requisition-sign';
import { IssueStep, ReturnStep } from './requisition-steps';

export function RequisitionDrawer({ requisitionId, onClose }: { requisitionId: string | null; onClose: () => void }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const { state } = useDeskQuery(
    'parts.requisition',
    { id: requisitionId ?? '' },
    { refetchOn: ['parts.changed'], enabled: requisitionId !== null },
  );
  const requisition = state.value?.id === requisitionId ? state.value : undefined;
  return (
    <Drawer
      open={requisitionId !== null}
      size={900}
      title={requisition ? `${t('requisition.newTitle')} ${requisition.number}` : t('loading')}
      onClose={onClose}
      closable={{ 'aria-label': t('actions.close') }}
      extra={requisition ? <PrintButton form="requisition" subjectId={requisition.id} /> : null}
    >
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      {requisition ? <RequisitionBody requisition={requisition} /> : null}
    </Drawer>
  );
}

export function StatusTag({ status }: { status: RequisitionView['status'] }) {
  const { t } = useTranslation('parts');
  const color = {
    requested: 'gold',
    approved: 'blue',
    partly_issued: 'cyan',
    issued: 'green',
    rejected: 'red',
    cancelled: 'default',
  }[status];
  return <Tag color={color}>{t(`statuses.${status}`)}</Tag>;
}

function RequisitionBody({ requisition: r }: { requisition: RequisitionView }) {
  const { t } = useTranslation('parts');
  const { can, staff } = useSignedIn();
  const signing = r.status === 'requested' && can('parts.approve');
  const issuing = (r.status === 'approved' || r.status === 'partly_issued') && can('parts.issue');
  const taking = r.lines.some((l) => l.heldQty > 0) && can('parts.issue');

  return (
    <>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('requisition.ticket')} span={2}>
          {r.ticket.number} · {r.ticket.customerName ?? ''} · {r.ticket.summary}
        </Descriptions.Item>
        <Descriptions.Item label={t('requisition.status')}>
          <StatusTag status={r.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('requisition.location')}>{r.locationCode}</Descriptions.Item>
        <Descriptions.Item label={t('requisition.requestedBy')}>
          {r.requestedByName} {formatTime(r.requestedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('requisition.signedBy')}>
          {r.decidedByName ? `${r.decidedByName} ${formatTime(r.decidedAt)}` : '—'}
        </Descriptions.Item>
        {r.cancelReason ? (
          <Descriptions.Item label={t('requisition.cancelReason')} span={2}>
            {r.cancelReason}
          </Descriptions.Item>
        ) : null}
        {r.rejectReason ? (
          <Descriptions.Item label={t('requisition.rejectReason')} span={2}>
            {r.rejectReason}
          </Descriptions.Item>
        ) : null}
        {r.note ? (
          <Descriptions.Item label={t('requisition.note')} span={2}>
            {r.note}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {signing ? (
        <SignStep requisition={r} />
      ) : issuing ? (
        <IssueStep requisition={r} />
      ) : (
        <LinesTable lines={r.lines} />
      )}
      {taking ? <ReturnStep requisition={r} /> : null}
      {canCancel(r, staff.id, can('parts.approve')) ? <CancelStep requisition={r} /> : null}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('requisition.history')}
      </Typography.Title>
      <Timeline
        items={r.events.map((e) => ({
          key: `${e.kind}-${e.at}`,
          content: `${formatTime(e.at)} ${t(`requisition.events.${e.kind}`)} · ${e.staffName ?? ''}${e.reason ? ` · ${e.reason}` : ''}`,
        }))}
      />
    </>
  );
}
