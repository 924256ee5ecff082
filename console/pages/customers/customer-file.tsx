/**
 * One customer as head office holds them: masked unless the role may unmask and asks (head office
 * audits that view), the stores that see them, linking and unlinking a store with a reason.
 */
import { Alert, App, Button, Descriptions, Drawer, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail, CustomerLink } from '../../../headoffice/console/contract/customers';
import { api } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';
import { customerProblem } from './problem-text';
import { ReasonDialog } from './reason-dialog';

export function CustomerFile({
  id,
  onClose,
  onOpen,
}: {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation(['customers', 'common']);
  const { can } = useStaff();
  const { message } = App.useApp();
  const [unmask, setUnmask] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'link' } | { kind: 'unlink'; link: CustomerLink } | null>(null);
  const file = useApi(() => api.get<CustomerDetail>(`/customers/${id}`, { unmask: unmask ? 1 : 0 }), [id, unmask]);
  const customer = file.data;
  const edit = can('customers.edit') && customer && !customer.deleted;

  const change =
    (path: 'links' | 'unlink') =>
    async ({ reason, storeCode }: { reason: string; storeCode: string }) => {
      try {
        await api.send<CustomerDetail>('POST', `/customers/${id}/${path}`, { storeCode, reason });
      } catch (error) {
        throw new Error(customerProblem(error), { cause: error });
      }
      void message.success(t(path === 'links' ? 'linked_ok' : 'unlinked_ok', { store: storeCode }));
      setDialog(null);
      file.reload();
    };

  return (
    <Drawer open title={t('file')} size="large" onClose={onClose} destroyOnHidden>
      {file.problem && <Alert type="error" showIcon title={file.problem} />}
      {customer && (
        <>
          {can('customers.unmask') && (
            <label style={{ display: 'block', marginBottom: 12 }}>
              <Switch size="small" checked={unmask} onChange={setUnmask} /> {t('unmask')}
            </label>
          )}
          {customer.deleted && <Alert type="warning" showIcon title={t('deleted')} style={{ marginBottom: 12 }} />}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="ID">
              <Typography.Text copyable>{customer.id}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('name')}>
              <span data-testid="customer-name">{customer.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('phones')}>{customer.phones.join('，') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('addresses')}>{customer.addresses.join('；') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('tier')}>
              {customer.tier && ['regular', 'silver', 'gold', 'vip'].includes(customer.tier)
                ? t(`tier.${customer.tier as 'regular'}`)
                : (customer.tier ?? '—')}
            </Descriptions.Item>
            <Descriptions.Item label={t('doNotContact')}>{customer.doNotContact ? '✓' : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('homeStore')}>{customer.homeStore ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('products')}>{customer.products}</Descriptions.Item>
            {customer.mergedInto && (
              <Descriptions.Item label={t('mergedInto')}>
                <Button type="link" size="small" onClick={() => onOpen(customer.mergedInto!)}>
                  {t('open')}
                </Button>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space style={{ width: '100%', justifyContent: 'space-between', margin: '16px 0 8px' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('links')}
            </Typography.Title>
            {edit && <Button onClick={() => setDialog({ kind: 'link' })}>{t('link')}</Button>}
          </Space>
          <Table<CustomerLink>
            rowKey="storeCode"
            size="small"
            pagination={false}
            dataSource={customer.links}
            columns={[
              {
                title: t('storeCode'),
                dataIndex: 'storeCode',
                render: (code: string, link) => (
                  <Space size={4}>
                    {code} · {link.storeName}
                    {link.home && <Tag>{t('home')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('linkedAt'),
                dataIndex: 'linkedAt',
                width: 170,
                render: (at: string) => new Date(at).toLocaleString(i18n.language),
              },
              ...(edit
                ? [
                    {
                      title: '',
                      key: 'unlink',
                      width: 100,
                      render: (_: unknown, link: CustomerLink) =>
                        link.home ? null : (
                          <Button size="small" danger onClick={() => setDialog({ kind: 'unlink', link })}>
                            {t('unlink')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      {dialog?.kind === 'link' && (
        <ReasonDialog
          title={t('linkTitle')}
          text={t('linkText')}
          okText={t('link')}
          askStore
          onConfirm={change('links')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'unlink' && (
        <ReasonDialog
          title={t('unlinkTitle', { store: dialog.link.storeCode })}
          text={t('unlinkText')}
          okText={t('unlink')}
          danger
          onConfirm={({ reason }) => change('unlink')({ reason, storeCode: dialog.link.storeCode })}
          onClose={() => setDialog(null)}
        />
      )}
    </Drawer>
  );
}
