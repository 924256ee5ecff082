/**
 * One customer, opened at the counter, with their whole history on one screen: the
 * file (full phones and addresses for roles that serve customers), products, tickets and notes.
 */
import { CloseOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { SHORTCUT_KEYS, useShortcut } from '../../shell/shortcuts';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { MergeDialog } from '../customers/merge-dialog';
import { NotesSection } from '../customers/notes-section';
import { ProductsSection } from '../customers/products-section';
import { TicketsSection } from '../customers/tickets-section';
import { go, newTicketHref } from '../tickets/route';
import { TierTag } from './tier-tag';

type PanelProps = {
  customerId: string;
  onEdit: (customer: CustomerDetail) => void;
  onClose: () => void;
};

export function CustomerPanel({ customerId, onEdit, onClose }: PanelProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { can } = useSignedIn();
  const [merging, setMerging] = useState(false);
  const { state } = useDeskQuery('customers.history', { id: customerId }, { refetchOn: ['customers.changed'] });
  const history = state.value;
  useShortcut('newTicket', history && can('tickets.intake') ? () => go(newTicketHref(customerId)) : null);

  if (state.status === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(state.error.key)}
        action={<Button onClick={onClose}>{t('form.close')}</Button>}
      />
    );
  }
  if (!history) return <Skeleton active />;
  const { customer } = history;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        role="region"
        aria-label={customer.name}
        title={
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {customer.name}
            </Typography.Title>
            <TierTag tier={customer.tier} />
          </Space>
        }
        extra={
          <Space wrap>
            {can('tickets.intake') ? (
              <Tooltip title={t('shortcut.hint', { keys: SHORTCUT_KEYS.newTicket })}>
                <Button
                  type="primary"
                  icon={<PlusOutlined aria-hidden />}
                  aria-keyshortcuts={SHORTCUT_KEYS.newTicket}
                  onClick={() => go(newTicketHref(customer.id))}
                >
                  {t('queue.newTicket', { ns: 'tickets' })}
                </Button>
              </Tooltip>
            ) : null}
            {can('customers.write') ? (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => onEdit(customer)}>
                {t('customer.edit')}
              </Button>
            ) : null}
            {can('customers.merge') ? (
              <Button icon={<MergeCellsOutlined aria-hidden />} onClick={() => setMerging(true)}>
                {t('merge.open', { ns: 'cust' })}
              </Button>
            ) : null}
            <Button
              type="text"
              icon={<CloseOutlined aria-hidden />}
              aria-label={t('customer.close')}
              onClick={onClose}
            />
          </Space>
        }
      >
        <CustomerFacts customer={customer} />
      </Card>
      <ProductsSection customerId={customer.id} products={history.products} />
      <TicketsSection tickets={history.tickets} />
      <NotesSection customerId={customer.id} notes={history.notes} />
      {merging ? <MergeDialog survivor={customer} onClose={() => setMerging(false)} /> : null}
    </Space>
  );
}

function CustomerFacts({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation('cust');
  const { t: tc } = useTranslation();
  const when = (iso: string): string =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const standard = customer.standard;
  return (
    <Descriptions column={1} bordered size="small">
      {standard ? (
        <Descriptions.Item label={t('file.standard')}>
          {t('file.standardTimes', { reply: standard.replyMinutes, resolve: standard.resolveHours })}
          {standard.serviceStandard ? ` · ${standard.serviceStandard}` : ''}
          {customer.tierRule === 'auto' ? (
            <Typography.Text type="secondary"> ({t('file.autoTier')})</Typography.Text>
          ) : null}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={tc('customer.phones')}>
        <Space orientation="vertical" size={2}>
          {customer.phones.map((phone) => (
            <span key={phone.id}>
              <Typography.Text
                copyable={customer.contactHidden ? false : { text: phone.number }}
                style={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {phone.number}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">{tc(`customer.${phone.kind}`)}</Typography.Text>
            </span>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('file.addresses')}>
        {customer.contactHidden ? (
          <Typography.Text type="secondary">{t('file.contactHidden')}</Typography.Text>
        ) : customer.addresses.length === 0 ? (
          <Typography.Text type="secondary">{t('file.noAddress')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={2}>
            {customer.addresses.map((a) => (
              <span key={a.id}>
                {a.label ? <Tag>{a.label}</Tag> : null}
                {a.address}
              </span>
            ))}
          </Space>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('file.contact')}>
        <Space wrap size={4}>
          {customer.doNotContact ? <Tag color="red">{t('file.doNotContact')}</Tag> : null}
          {customer.contactConsent ? <Tag color="green">{t('file.consent')}</Tag> : <Tag>{t('file.noConsent')}</Tag>}
          {customer.preferredChannel ? (
            <Tag color="blue">{t('file.prefers', { channel: t(`channel.${customer.preferredChannel}`) })}</Tag>
          ) : null}
        </Space>
      </Descriptions.Item>
      {customer.notes ? (
        <Descriptions.Item label={t('file.remark')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{customer.notes}</Typography.Paragraph>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={tc('customer.created')}>
        {when(customer.createdAt)}
        {customer.createdByName ? ` · ${customer.createdByName}` : ''}
        {customer.createdStoreName ? ` · ${customer.createdStoreName}` : ''}
      </Descriptions.Item>
      {customer.mergedFrom.length > 0 ? (
        <Descriptions.Item label={t('file.merged')}>
          {t('file.mergedCount', { count: customer.mergedFrom.length })}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
