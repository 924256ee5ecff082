/** One customer, opened at the counter: full phone numbers, because the counter is serving them. */
import { CloseOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { TierTag } from './tier-tag';

type PanelProps = {
  customerId: string;
  onEdit: (customer: CustomerDetail) => void;
  onClose: () => void;
};

export function CustomerPanel({ customerId, onEdit, onClose }: PanelProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { can } = useSignedIn();
  const { state } = useDeskQuery('customers.get', { id: customerId }, { refetchOn: ['customers.changed'] });
  const customer = state.status === 'ok' ? state.value : state.value?.id === customerId ? state.value : undefined;
  const when = (iso: string): string =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  if (state.status === 'error') {
    return <Alert type="error" showIcon title={errorText(state.error.key)} action={<Button onClick={onClose}>{t('form.close')}</Button>} />;
  }
  if (!customer) return <Skeleton active />;

  return (
    <Card
      role="region"
      aria-label={customer.name}
      title={
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {customer.name}
          </Typography.Title>
          <TierTag tier={customer.tier} />
        </Space>
      }
      extra={
        <Space>
          {can('customers.write') ? (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => onEdit(customer)}>
              {t('customer.edit')}
            </Button>
          ) : null}
          <Button type="text" icon={<CloseOutlined aria-hidden />} aria-label={t('customer.close')} onClick={onClose} />
        </Space>
      }
    >
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('customer.phones')}>
          <Space orientation="vertical" size={2}>
            {customer.phones.map((phone) => (
              <span key={phone.id}>
                <Typography.Text copyable={{ text: phone.number }} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {phone.number}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">{t(`customer.${phone.kind}`)}</Typography.Text>
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.notes')}>
          {customer.notes ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{customer.notes}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('customer.noNotes')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.created')}>{when(customer.createdAt)}</Descriptions.Item>
        {customer.createdByName ? <Descriptions.Item label={t('customer.createdBy')}>{customer.createdByName}</Descriptions.Item> : null}
        <Descriptions.Item label={t('customer.updated')}>{when(customer.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
