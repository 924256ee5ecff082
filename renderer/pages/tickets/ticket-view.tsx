/**
 * One ticket: where it stands, its time limits, the steps the signed-in staff member
 * can take now (exactly those the main process would allow), the intake details, photos, the
 * customer's signature, the parts used and the full timeline.
 */
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Input, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_ACTIONS, type StepAction, type TicketDetail } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { CountedLabelsButton } from '../../print/label-buttons';
import { PrintButton } from '../../print/print-button';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { TierTag } from '../counter/tier-tag';
import { AttachmentsSection } from './attachments-section';
import { ChargesSection } from './charges-section';
import { ClocksCard } from './clocks-card';
import { CompleteDialog } from './complete-dialog';
import { EstimateSection } from './estimate-section';
import { FollowUpDialog } from './follow-up-dialog';
import { IntakeDetails } from './intake-details';
import { IntakeEditDialog } from './intake-edit-dialog';
import { MessagesSection } from './messages-section';
import { useTicketLabels } from './labels';
import { TicketParts } from '../parts/ticket-parts';
import { go, queueHref } from './route';
import { SignaturesCard } from './signatures-card';
import { SlaBadge } from './sla-badge';
import { StepDialog } from './step-dialog';
import { TicketTimeline } from './timeline';

const FOLLOW_UPS: ReadonlyArray<string> = FOLLOW_UP_ACTIONS;

export function TicketView({ id }: { id: string }) {
  const { t } = useTranslation('tickets');
  const errorText = useErrorText();
  const { state, refetch } = useDeskQuery('tickets.get', { id }, { refetchOn: ['tickets.changed'] });
  const ticket = state.value?.id === id ? state.value : undefined;
  if (state.status === 'error' && !ticket)
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(state.error.key)}
        action={<Button onClick={() => go(queueHref)}>{t('detail.back')}</Button>}
      />
    );
  if (!ticket) return <Skeleton active />;
  return <TicketPage ticket={ticket} onChanged={refetch} />;
}

function TicketPage({ ticket, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const labels = useTicketLabels();
  const { can } = useSignedIn();
  const [step, setStep] = useState<StepAction | null>(null);
  const [completing, setCompleting] = useState(false);
  const [followingUp, setFollowingUp] = useState(false);
  const [editing, setEditing] = useState(false);
  const done = (label: string) => (): void => {
    void message.success(t('detail.stepDone', { step: label }));
    onChanged();
  };
  const steps = ticket.allowedSteps.filter((a): a is StepAction => !FOLLOW_UPS.includes(a));
  const canFollowUp = ticket.allowedSteps.some((a) => FOLLOW_UPS.includes(a));

  return (
    <article aria-labelledby="ticket-title">
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 12,
          justifyContent: 'space-between',
          alignItems: 'center',
          marginBottom: 12,
        }}
      >
        <Space wrap>
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go(queueHref)}>
            {t('detail.back')}
          </Button>
          <Typography.Title level={2} id="ticket-title" style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }}>
            {ticket.number}
          </Typography.Title>
          <Tag>{labels.type(ticket.type)}</Tag>
          <Tag color="blue" data-testid="ticket-status">
            {labels.status(ticket.status)}
          </Tag>
          {ticket.pausedFor ? <Tag color="default">{t(`paused.${ticket.pausedFor}`)}</Tag> : null}
          {ticket.priority !== 'normal' ? (
            <Tag color={ticket.priority === 'urgent' ? 'red' : 'orange'}>{t(`priorities.${ticket.priority}`)}</Tag>
          ) : null}
          {ticket.escalated ? <Tag color="magenta">{t('detail.escalated')}</Tag> : null}
          {ticket.forRole ? <Tag color="volcano">{t(`detail.forRole.${ticket.forRole}`)}</Tag> : null}
          <SlaBadge sla={ticket.sla} />
        </Space>
        <TicketPrintButtons ticket={ticket} />
      </div>
      {ticket.flaggedEvents > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('detail.flagged', { count: ticket.flaggedEvents })}
          style={{ marginBottom: 12 }}
        />
      ) : null}

      <Card
        size="small"
        title={t('detail.steps')}
        role="region"
        aria-label={t('detail.steps')}
        style={{ marginBottom: 16 }}
      >
        <Space wrap>
          {steps.map((action) =>
            action === 'complete' ? (
              <Button key={action} type="primary" onClick={() => setCompleting(true)}>
                {labels.action(action)}
              </Button>
            ) : (
              <Button key={action} onClick={() => setStep(action)}>
                {labels.action(action)}
              </Button>
            ),
          )}
          {canFollowUp ? (
            <Button type="primary" onClick={() => setFollowingUp(true)}>
              {t('followUp.record')}
            </Button>
          ) : null}
          {steps.length === 0 && !canFollowUp ? (
            <Typography.Text type="secondary">{t('detail.noSteps')}</Typography.Text>
          ) : null}
        </Space>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={t('detail.details')}
              role="region"
              aria-label={t('detail.details')}
              extra={
                can('tickets.intake') && ticket.allowedSteps.length > 0 ? (
                  <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                    {t('detail.edit')}
                  </Button>
                ) : null
              }
            >
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('detail.customer')}>
                  <Space>
                    {ticket.customerName}
                    <TierTag tier={ticket.customerTier} />
                  </Space>
                </Descriptions.Item>
              </Descriptions>
              <IntakeDetails ticket={ticket} />
            </Card>
            <ClocksCard ticket={ticket} />
            {ticket.type === 'repair' || ticket.type === 'aftersales' ? <EstimateSection ticket={ticket} /> : null}
            {ticket.type === 'repair' && can('parts.read') ? (
              <TicketParts ticketId={ticket.id} ticketNumber={ticket.number} />
            ) : null}
            {ticket.type === 'repair' || ticket.type === 'aftersales' ? <ChargesSection ticketId={ticket.id} /> : null}
            <AttachmentsSection ticket={ticket} onChanged={onChanged} />
            <MessagesSection ticketId={ticket.id} />
            <SignaturesCard ticket={ticket} onChanged={onChanged} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('detail.timeline')} role="region" aria-label={t('detail.timeline')}>
            <TicketTimeline entries={ticket.timeline} />
            {can('tickets.work') ? <NoteForm ticketId={ticket.id} onSaved={onChanged} /> : null}
          </Card>
        </Col>
      </Row>

      <StepDialog
        ticket={ticket}
        action={step}
        onClose={() => setStep(null)}
        onDone={() => {
          setStep(null);
          done(step ? labels.action(step) : '')();
        }}
      />
      <CompleteDialog
        ticket={ticket}
        open={completing}
        onClose={() => setCompleting(false)}
        onDone={() => {
          setCompleting(false);
          done(labels.action('complete'))();
        }}
      />
      <FollowUpDialog
        target={
          followingUp
            ? { id: ticket.id, number: ticket.number, version: ticket.version, phones: ticket.customerPhones }
            : null
        }
        onClose={() => setFollowingUp(false)}
        onDone={(after) => {
          setFollowingUp(false);
          done(labels.action(after.timeline.at(-1)?.action ?? 'note'))();
        }}
      />
      <IntakeEditDialog
        ticket={ticket}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('detail.saved'));
          onChanged();
        }}
      />
    </article>
  );
}

/** The customer's service form, intake and payment receipts; the technician's job sheet only for repairs; the goods tag. */
function TicketPrintButtons({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation('print');
  return (
    <Space wrap role="group" aria-label={t('preview.print')}>
      <PrintButton form="service-form" subjectId={ticket.id} />
      {ticket.type === 'repair' ? <PrintButton form="job-sheet" subjectId={ticket.id} /> : null}
      <PrintButton form="intake-receipt" subjectId={ticket.id} />
      <PrintButton form="payment-receipt" subjectId={ticket.id} />
      {/* Goods come in with a repair or an after-sales request (an exchange, a return). */}
      {ticket.type === 'repair' || ticket.type === 'aftersales' ? (
        <CountedLabelsButton
          form="goods-tag"
          recordId={ticket.id}
          text={t('label.printGoodsTags')}
          countLabel={t('label.pieces')}
          countHelp={t('label.piecesHelp')}
        />
      ) : null}
    </Space>
  );
}

function NoteForm({ ticketId, onSaved }: { ticketId: string; onSaved: () => void }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const note = useDeskMutation('tickets.note');
  const [text, setText] = useState('');
  const save = async (): Promise<void> => {
    const result = await note.run({ ticketId, note: text });
    if (result.ok) {
      setText('');
      void message.success(t('detail.noteSaved'));
      onSaved();
    } else void message.error(errorText(result.error.key));
  };
  return (
    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
      <Input.TextArea
        aria-label={t('detail.addNote')}
        placeholder={t('detail.addNote')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={2000}
        autoSize={{ minRows: 1, maxRows: 4 }}
      />
      <Button onClick={() => void save()} disabled={text.trim() === ''} loading={note.pending}>
        {t('detail.addNote')}
      </Button>
    </Space.Compact>
  );
}
