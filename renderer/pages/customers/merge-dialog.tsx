/**
 * Merge a duplicate into the customer on screen (leads and admins): find the duplicate, check it,
 * confirm. Its products, phones and addresses move here; its tickets and notes are read through
 * the alias the merge leaves, so its old id keeps opening this record.
 */
import { Alert, Button, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail, CustomerSummary } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDebounced } from '../../use-debounced';
import { useDeskMutation, useDeskQuery } from '../../use-desk';

export function MergeDialog({ survivor, onClose }: { survivor: CustomerDetail; onClose: () => void }) {
  const { t } = useTranslation('cust');
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<CustomerSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searched = useDebounced(query.trim(), 150);
  const { state } = useDeskQuery('customers.search', { query: searched, limit: 10 }, { enabled: searched !== '' });
  const candidates = searched === '' ? [] : (state.value?.items ?? []).filter((c) => c.id !== survivor.id);
  const merge = useDeskMutation('customers.merge');

  const confirm = async () => {
    if (!picked) return;
    const result = await merge.run({ fromId: picked.id, intoId: survivor.id });
    if (result.ok) onClose();
    else setError(result.error.key);
  };

  return (
    <Modal
      open
      title={t('merge.title', { name: survivor.name })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('merge.cancel')}
        </Button>,
        <Button
          key="merge"
          type="primary"
          danger
          disabled={!picked}
          loading={merge.pending}
          onClick={() => void confirm()}
        >
          {t('merge.confirm')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('merge.explain')}</Typography.Paragraph>
      <Input
        aria-label={t('merge.search')}
        placeholder={t('merge.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoFocus
      />
      <List
        size="small"
        dataSource={candidates}
        locale={{ emptyText: searched === '' ? ' ' : t('merge.none') }}
        renderItem={(c) => (
          <List.Item
            key={c.id}
            actions={[
              <Button
                key="pick"
                size="small"
                type={picked?.id === c.id ? 'primary' : 'default'}
                onClick={() => setPicked(c)}
                aria-label={t('merge.pickOf', { name: c.name })}
              >
                {picked?.id === c.id ? t('merge.picked') : t('merge.pick')}
              </Button>,
            ]}
          >
            {c.name} · {c.maskedPhones.join(' · ')}
          </List.Item>
        )}
      />
      {picked ? (
        <Alert type="warning" showIcon title={t('merge.warning', { from: picked.name, into: survivor.name })} />
      ) : null}
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
    </Modal>
  );
}
