/**
 * Customer tiers and their thresholds: a counter sets an automatic tier to the highest one whose
 * minimum spend or minimum purchases the customer reaches. Thresholds are service policy, edited by
 * whoever may edit service standards; minimum spend is typed in yuan and kept in fen.
 */
import { Alert, App, Button, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';
import type { TierName, TierUpdateInput, TierView } from '../../../headoffice/console/contract/tiers';
import { errorText } from '../catalogue/errors';
import { fenToYuan, formatFen, yuanToFen } from '../catalogue/money';

type Values = { minSpend: number | null; minVisits: number | null; serviceStandard: string };

/** The thresholds' order, refused by head office, in the reader's words. */
function useTierOrderText() {
  const { t } = useTranslation('tiers');
  return (error: unknown): string | null => {
    if (!(error instanceof ApiError) || error.code !== 'tier_order' || !error.extra.field) return null;
    const { tier, lower, field, lowerValue } = error.extra as {
      tier: TierName;
      lower: TierName;
      field: string;
      lowerValue: number;
    };
    return t('orderProblem', {
      tier: t(`tier.${tier}`),
      lower: t(`tier.${lower}`),
      threshold: field === 'minSpendFen' ? t('minSpend') : t('minVisits'),
      value: field === 'minSpendFen' ? formatFen(lowerValue) : String(lowerValue),
    });
  };
}

function TierForm({ tier, onClose, onSaved }: { tier: TierView; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('tiers');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const tierOrderText = useTierOrderText();
  const save = async (values: Values) => {
    const body: TierUpdateInput = {
      minSpendFen: yuanToFen(values.minSpend),
      minVisits: values.minVisits ?? null,
      serviceStandard: values.serviceStandard ?? '',
    };
    try {
      await api.send('PUT', `/catalogue/tiers/${tier.tier}`, body);
      onSaved();
    } catch (e) {
      setError(tierOrderText(e) ?? errorText(e));
    }
  };
  const regular = tier.tier === 'regular';
  return (
    <Modal
      open
      title={t('editTitle', { tier: t(`tier.${tier.tier}`) })}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {regular && <Alert type="info" showIcon title={t('regularNote')} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          minSpend: fenToYuan(tier.minSpendFen),
          minVisits: tier.minVisits,
          serviceStandard: tier.serviceStandard,
        }}
      >
        <Form.Item name="minSpend" label={t('minSpend')} help={t('emptyMeansNever')}>
          <InputNumber
            min={0.01}
            max={100_000_000}
            precision={2}
            prefix="¥"
            disabled={regular}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="minVisits" label={t('minVisits')} help={t('emptyMeansNever')}>
          <InputNumber min={1} max={10_000} precision={0} disabled={regular} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="serviceStandard" label={t('serviceStandard')}>
          <Input.TextArea maxLength={200} showCount rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TiersPage() {
  const { t } = useTranslation('tiers');
  const { message } = App.useApp();
  const { can } = useStaff();
  const editable = can('standards.edit');
  const [editing, setEditing] = useState<TierView | null>(null);
  const loaded = useApi(() => api.get<{ items: TierView[] }>('/catalogue/tiers'), []);
  const items = loaded.data?.items ?? [];
  const never = <Typography.Text type="secondary">{t('never')}</Typography.Text>;
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      {loaded.problem && <Alert type="error" showIcon title={loaded.problem} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Table<TierView>
        rowKey="tier"
        size="middle"
        loading={loaded.loading}
        dataSource={items}
        pagination={false}
        tableLayout="fixed"
        columns={[
          { title: t('tierColumn'), dataIndex: 'tier', width: 120, render: (tier: TierName) => t(`tier.${tier}`) },
          {
            title: t('minSpend'),
            dataIndex: 'minSpendFen',
            width: 160,
            align: 'right',
            render: (fen: number | null) => (fen === null ? never : formatFen(fen)),
          },
          {
            title: t('minVisits'),
            dataIndex: 'minVisits',
            width: 140,
            align: 'right',
            render: (n: number | null) => (n === null ? never : n),
          },
          { title: t('serviceStandard'), dataIndex: 'serviceStandard', ellipsis: true },
          {
            title: t('source'),
            dataIndex: 'setByHeadOffice',
            width: 130,
            render: (set: boolean) => (set ? <Tag color="blue">{t('setByHq')}</Tag> : <Tag>{t('builtIn')}</Tag>),
          },
          ...(editable
            ? [
                {
                  title: t('actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, tier: TierView) => (
                    <Button size="small" type="link" onClick={() => setEditing(tier)}>
                      {t('edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <TierForm
          tier={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('saved'));
            loaded.reload();
          }}
        />
      )}
    </>
  );
}
