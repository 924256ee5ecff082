/**
 * Customer service's follow-up list (回访, docs/DOMAIN.md §6): calls due after repairs, after-sales
 * requests and complaints, and replies promised to customers, soonest first. The call is recorded
 * here; a promised reply is answered from the ticket.
 */
import { Alert, App, Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '../../../db/api';
import { desk } from '../../desk';
import { useErrorText } from '../../forms/error-text';
import { useDeskQuery } from '../../use-desk';
import { CallPhones, FollowUpDialog, type FollowUpTarget } from './follow-up-dialog';
import { useTicketFormat } from './format';
import { go, ticketHref } from './route';
import { TicketTable } from './ticket-table';

export function FollowUpsPage() {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const format = useTicketFormat();
  const { state } = useDeskQuery('tickets.followUps', {}, { refetchOn: ['tickets.changed'] });
  const [target, setTarget] = useState<FollowUpTarget | null>(null);
  const today = state.value?.today ?? '';
  const phonesOf = (item: TicketListItem): ReadonlyArray<string> =>
    state.value?.items.find((line) => line.id === item.id)?.phones ?? [];

  // The version is read when the call starts, so a change by someone else meanwhile is caught.
  const startCall = async (item: TicketListItem): Promise<void> => {
    const result = await desk.call('tickets.get', { id: item.id });
    if (result.ok)
      setTarget({ id: item.id, number: item.number, version: result.value.version, phones: phonesOf(item) });
    else void message.error(errorText(result.error.key));
  };

  const due = (item: TicketListItem) => {
    const date = item.followUpDue ?? item.promisedReplyAt?.slice(0, 10) ?? null;
    const label = item.followUpDue
      ? format.date(item.followUpDue)
      : item.promisedReplyAt
        ? format.dateTime(item.promisedReplyAt)
        : '';
    return (
      <span>
        {item.followUpDue ? null : <span className="cd-secondary">{t('followUp.promised')} </span>}
        {label}
        {date !== null && date < today ? (
          <Tag color="red" style={{ marginLeft: 4 }}>
            {t('followUp.overdue')}
          </Tag>
        ) : date === today ? (
          <Tag color="orange" style={{ marginLeft: 4 }}>
            {t('followUp.today')}
          </Tag>
        ) : null}
      </span>
    );
  };

  return (
    <section aria-labelledby="follow-ups-title">
      <Typography.Title level={2} id="follow-ups-title" style={{ marginTop: 0 }}>
        {t('followUp.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('followUp.intro')}</Typography.Paragraph>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      <TicketTable
        label={t('followUp.title')}
        items={state.value?.items ?? []}
        loading={state.status === 'loading'}
        // Read whole (soonest first) and shown a screen at a time: rows are costly to draw.
        pagination={{ pageSize: 20 }}
        // The phone to call and the call button need the room: who handled the job is on the ticket.
        omit={['assignee']}
        extra={[
          { key: 'due', title: t('followUp.due'), width: 120, render: due },
          {
            key: 'phone',
            title: t('followUp.phone'),
            width: 140,
            render: (item) => <CallPhones phones={phonesOf(item)} />,
          },
          {
            key: 'call',
            title: '',
            width: 140,
            render: (item) =>
              item.followUpDue ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => void startCall(item)}
                  aria-label={`${t('followUp.record')} ${item.number}`}
                >
                  {t('followUp.record')}
                </Button>
              ) : (
                <Button
                  size="small"
                  onClick={() => go(ticketHref(item.id))}
                  aria-label={`${t('followUp.answer')} ${item.number}`}
                >
                  {t('followUp.answer')}
                </Button>
              ),
          },
        ]}
      />
      <FollowUpDialog
        target={target}
        onClose={() => setTarget(null)}
        onDone={(ticket) => {
          setTarget(null);
          void message.success(
            t('detail.stepDone', {
              step: t(
                `actions.${ticket.timeline.at(-1)?.action === 'follow_up_reopen' ? 'follow_up_reopen' : ticket.timeline.at(-1)?.action === 'follow_up_unreached' ? 'follow_up_unreached' : 'follow_up_satisfied'}`,
              ),
            }),
          );
        }}
      />
    </section>
  );
}
