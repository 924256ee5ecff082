/** Find the customer a ticket is for: any part of a phone number or name, as at the counter. */
import { Button, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../use-debounced';
import { useDeskQuery } from '../../use-desk';
import { MarkedPhones } from '../counter/marked-phones';
import { TierTag } from '../counter/tier-tag';

export type PickedCustomer = Readonly<{ id: string; name: string }>;

export function CustomerPicker({
  value,
  onChange,
}: {
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
}) {
  const { t } = useTranslation('tickets');
  const [query, setQuery] = useState('');
  const searched = useDebounced(query.trim(), 150);
  const { state } = useDeskQuery(
    'customers.search',
    { query: searched, limit: 8 },
    { enabled: searched !== '' && value === null },
  );
  const items = searched !== '' ? (state.value?.items ?? []) : [];

  if (value) {
    return (
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('intake.customerChosen', { name: value.name })}</Typography.Text>
        <Button onClick={() => onChange(null)}>{t('intake.changeCustomer')}</Button>
      </Space>
    );
  }
  return (
    <div style={{ marginBottom: 16, maxWidth: 520 }}>
      <label htmlFor="intake-customer-search" style={{ display: 'block', marginBottom: 4 }}>
        {t('intake.findCustomer')}
      </label>
      <Input
        id="intake-customer-search"
        placeholder={t('intake.findCustomerHint')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoFocus
        autoComplete="off"
        maxLength={40}
      />
      {items.length > 0 ? (
        <List
          size="small"
          bordered
          style={{ marginTop: 4 }}
          dataSource={[...items]}
          renderItem={(customer) => (
            <List.Item key={customer.id}>
              <Button
                type="link"
                onClick={() => onChange({ id: customer.id, name: customer.name })}
                style={{ padding: 0 }}
              >
                {customer.name}
              </Button>
              <Space>
                <TierTag tier={customer.tier} />
                <Typography.Text type="secondary">
                  <MarkedPhones customer={customer} />
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
