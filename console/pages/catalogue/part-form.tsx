/** Add or edit a part: money typed in yuan and sent in fen; the server checks every rule again. */
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { PartFieldsInput, PartView, SupplierView } from '../../../headoffice/console/contract/catalogue';
import { errorText } from './errors';
import { fenToYuan, yuanToFen } from './money';

type Values = {
  partNo: string;
  name: string;
  spec: string;
  unit: string;
  models: string[];
  supplierIds: string[];
  cost: number | null;
  price: number | null;
};

type Props = {
  /** The part to edit, or 'new'; the form is mounted only while it is open. */
  part: PartView | 'new';
  suppliers: ReadonlyArray<SupplierView>;
  onClose: () => void;
  onSaved: (part: PartView) => void;
};

export function PartForm({ part, suppliers, onClose, onSaved }: Props) {
  const { t } = useTranslation('catalogue');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = part !== 'new' ? part : null;
  const initialValues: Values = editing
    ? { ...editing, cost: fenToYuan(editing.costFen), price: fenToYuan(editing.priceFen) }
    : { partNo: '', name: '', spec: '', unit: '个', models: [], supplierIds: [], cost: null, price: null };

  // Active suppliers, plus the retired ones this part already has (they may stay).
  const options = suppliers
    .filter((s) => s.retiredAt === null || editing?.supplierIds.includes(s.id))
    .map((s) => ({ value: s.id, label: s.retiredAt ? `${s.name} (${t('status.retired')})` : s.name }));

  const save = async (values: Values) => {
    setSaving(true);
    setError(null);
    const body: PartFieldsInput = {
      partNo: values.partNo,
      name: values.name,
      spec: values.spec ?? '',
      unit: values.unit,
      models: values.models ?? [],
      supplierIds: values.supplierIds ?? [],
      costFen: yuanToFen(values.cost) ?? 0,
      priceFen: yuanToFen(values.price) ?? 0,
    };
    try {
      const saved = editing
        ? await api.send<PartView>('PUT', `/catalogue/parts/${editing.id}`, body)
        : await api.send<PartView>('POST', '/catalogue/parts', body);
      onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const money = { min: 0, max: 10_000_000, precision: 2, prefix: '¥', style: { width: '100%' } } as const;
  return (
    <Modal
      open
      title={editing ? t('part.editTitle', { partNo: editing.partNo }) : t('part.newTitle')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={initialValues}>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item
            name="partNo"
            label={t('field.partNo')}
            rules={[
              { required: true, message: t('rule.required') },
              { pattern: /^[A-Za-z0-9][A-Za-z0-9\-./]{0,39}$/, message: t('rule.partNo') },
            ]}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('field.name')}
            rules={[{ required: true, whitespace: true, message: t('rule.required') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="spec" label={t('field.spec')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item
            name="unit"
            label={t('field.unit')}
            rules={[{ required: true, whitespace: true, message: t('rule.required') }]}
          >
            <Input maxLength={8} />
          </Form.Item>
          <Form.Item name="cost" label={t('field.cost')} rules={[{ required: true, message: t('rule.required') }]}>
            <InputNumber {...money} />
          </Form.Item>
          <Form.Item name="price" label={t('field.price')} rules={[{ required: true, message: t('rule.required') }]}>
            <InputNumber {...money} />
          </Form.Item>
        </div>
        <Form.Item
          name="supplierIds"
          label={t('field.suppliers')}
          rules={[{ type: 'array', max: 5, message: t('rule.suppliersMax') }]}
        >
          <Select mode="multiple" options={options} optionFilterProp="label" allowClear />
        </Form.Item>
        <Form.Item
          name="models"
          label={t('field.models')}
          help={t('part.modelsHelp')}
          rules={[{ type: 'array', max: 30, message: t('rule.modelsMax') }]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', '、', ';']} open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
