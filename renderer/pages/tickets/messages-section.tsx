/**
 * The ticket's messages to the customer (短信): each with where it stands — waiting to be sent here
 * until this PC syncs, then head office's sending state — the customer's replies, and, when nothing
 * can be sent, why (consent, do-not-contact, no mobile). A message still waiting can be cancelled; a
 * failed or cancelled one sent again.
 */
import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MessageState, TicketMessageView, TicketReplyView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { useTicketFormat } from './format';

const STATE_COLOURS: Record<MessageState, string> = {
  waiting: 'gold',
  sending: 'blue',
  sent: 'cyan',
  delivered: 'green',
  failed: 'red',
  cancelled: 'default',
};

export function MessagesSection({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const { state, refetch } = useDeskQuery('tickets.messages', { ticketId }, { refetchOn: ['tickets.changed'] });
  const view = state.value;
  const title = t('messages.title');
  return (
    <Card size="small" title={title} role="region" aria-label={title} data-testid="ticket-messages">
      {view?.blocked && view.blocked !== 'ticket_missing' && view.blocked !== 'already_queued' ? (
        <Typography.Paragraph type="warning" data-testid="messages-blocked">
          {t(`messages.blocked.${view.blocked}`)}
        </Typography.Paragraph>
      ) : null}
      {view && view.messages.length === 0 ? (
        <Typography.Text type="secondary">{t('messages.none')}</Typography.Text>
      ) : null}
      {view && view.messages.length > 0 ? (
        <List
          size="small"
          dataSource={[...view.messages]}
          rowKey="id"
          renderItem={(m) => <MessageItem message={m} onChanged={refetch} />}
        />
      ) : null}
      {view?.messages.some((m) => m.state === 'waiting') ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('messages.offline')}
        </Typography.Paragraph>
      ) : null}
      {view && view.replies.length > 0 ? <Replies replies={view.replies} /> : null}
    </Card>
  );
}

function MessageItem({ message: m, onChanged }: { message: TicketMessageView; onChanged: () => void }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const format = useTicketFormat();
  const { can } = useSignedIn();
  const cancel = useDeskMutation('tickets.cancelMessage');
  const resend = useDeskMutation('tickets.resendMessage');
  const run = async (which: 'cancel' | 'resend'): Promise<void> => {
    const result = await (which === 'cancel' ? cancel : resend).run({ messageId: m.id });
    if (result.ok) {
      void message.success(t(which === 'cancel' ? 'messages.cancelled' : 'messages.resent'));
      onChanged();
    } else void message.error(errorText(result.error.key));
  };
  // Held back when queued (quiet hours, a follow-up's due day): say until when.
  const held = m.state === 'waiting' && Date.parse(m.notBefore) > Date.parse(m.createdAt);
  return (
    <List.Item
      data-testid="ticket-message"
      actions={
        can('tickets.work')
          ? [
              m.canCancel ? (
                <Popconfirm
                  key="cancel"
                  title={t('messages.cancelConfirm')}
                  onConfirm={() => void run('cancel')}
                  okText={t('messages.cancel')}
                >
                  <Button size="small" loading={cancel.pending}>
                    {t('messages.cancel')}
                  </Button>
                </Popconfirm>
              ) : null,
              m.canResend ? (
                <Button key="resend" size="small" loading={resend.pending} onClick={() => void run('resend')}>
                  {t('messages.resend')}
                </Button>
              ) : null,
            ].filter(Boolean)
          : []
      }
    >
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={6}>
          <Typography.Text strong>{t(`messages.events.${m.event}`)}</Typography.Text>
          <Tag color={STATE_COLOURS[m.state]} data-testid="message-state">
            {t(`messages.states.${m.state}`)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {format.dateTime(m.createdAt)} · {t('messages.to', { phone: m.phone })}
          </Typography.Text>
        </Space>
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Text>
        {held ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('messages.notBefore', { time: format.dateTime(m.notBefore) })}
          </Typography.Text>
        ) : null}
        {m.state === 'failed' ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {t('messages.attempts', { count: m.attempts })}
            {m.lastError ? ` · ${t('messages.error', { code: m.lastError })}` : ''}
          </Typography.Text>
        ) : null}
      </Space>
    </List.Item>
  );
}

function Replies({ replies }: { replies: ReadonlyArray<TicketReplyView> }) {
  const { t } = useTranslation('tickets');
  const format = useTicketFormat();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('messages.replies')}
      </Typography.Title>
      <List
        size="small"
        dataSource={[...replies]}
        rowKey="id"
        renderItem={(r) => (
          <List.Item data-testid="ticket-reply">
            <Space orientation="vertical" size={2}>
              <Space wrap size={6}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.dateTime(r.receivedAt)}
                </Typography.Text>
                {r.rating !== null ? <Tag color="purple">{t('messages.rating', { rating: r.rating })}</Tag> : null}
                {r.recordedFollowUp ? <Tag color="green">{t('messages.recordedFollowUp')}</Tag> : null}
              </Space>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
