/** Adding a store, or editing one (its code never changes): name, address, time zone from the list, open or closed. */
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneChoices, type StoreCreate, type StoreRow } from '../../../headoffice/console/contract/stores';
import { api, ApiError } from '../../api';
import { errorText } from '../../shell/error-text';

export function StoreForm({
  editing,
  open,
  onClose,
  onSaved,
}: {
  /** null: a new store. */
  editing: StoreRow | null;
  open: boolean;
  onClose: () => void;
  onSaved: (store: StoreRow) => void;
}) {
  const { t } = useTranslation(['stores', 'common']);
  const [form] = Form.useForm<StoreCreate>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => timeZoneChoices().map((zone) => ({ value: zone, label: zone })), []);
  const initial: StoreCreate = editing
    ? {
        code: editing.code,
        name: editing.name,
        address: editing.address,
        timeZone: editing.timeZone,
        status: editing.status,
      }
    : { code: '', name: '', address: '', timeZone: 'Asia/Shanghai', status: 'active' };

  const save = async () => {
    const fields = await form.validateFields();
    setSaving(true);
    try {
      const saved = editing
        ? await api.send<StoreRow>('PATCH', `/stores/${editing.code}`, { ...fields, code: undefined })
        : await api.send<StoreRow>('POST', '/stores', fields);
      onSaved(saved);
    } catch (error) {
      setProblem(error instanceof ApiError && error.code === 'store_exists' ? t('store_exists') : errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? `${t('edit')} · ${editing.code}` : t('add')}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      onOk={() => void save()}
      confirmLoading={saving}
      onCancel={() => {
        setProblem(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item
          name="code"
          label={t('code')}
          extra={editing ? undefined : t('codeHint')}
          rules={[{ required: true, pattern: /^[A-Z][A-Z0-9]{1,9}$/, message: t('codeHint') }]}
          normalize={(value: string) => value.toUpperCase()}
        >
          <Input maxLength={10} disabled={editing !== null} />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="address" label={t('address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="timeZone" label={t('timeZone')} rules={[{ required: true }]}>
          <Select showSearch options={zones} />
        </Form.Item>
        <Form.Item name="status" label={t('status')}>
          <Select options={(['active', 'closed'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
