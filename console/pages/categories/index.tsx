/**
 * Product categories and their 三包 terms: the whole unit's and the main components' warranty months,
 * and the return and exchange windows in days that an after-sales plan is judged by. Built-in categories show their
 * defaults until head office sets them; there is no delete, because products at the counters are
 * filed under a category's code.
 */
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';
import type { CategoryCreate, CategoryView } from '../../../headoffice/console/contract/categories';
import { errorText } from '../catalogue/errors';

function CategoryForm({
  category,
  nextPosition,
  onClose,
  onSaved,
}: {
  category: CategoryView | 'new';
  nextPosition: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('categories');
  const [form] = Form.useForm<CategoryCreate>();
  const [error, setError] = useState<string | null>(null);
  const editing = category !== 'new' ? category : null;
  const initialValues: CategoryCreate = editing ?? {
    code: '',
    nameZh: '',
    nameEn: '',
    warrantyMonths: 12,
    mainPartsMonths: 12,
    returnDays: 7,
    exchangeDays: 15,
    position: nextPosition,
  };
  const save = async ({ code, ...fields }: CategoryCreate) => {
    try {
      if (editing) await api.send('PUT', `/catalogue/categories/${editing.code}`, fields);
      else await api.send('POST', '/catalogue/categories', { code, ...fields });
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal
      open
      title={editing ? t('editTitle', { code: editing.code }) : t('newTitle')}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={initialValues}>
        <Form.Item
          name="code"
          label={t('code')}
          help={editing ? t('codeFixed') : t('codeHelp')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,19}$/, message: t('codeRule') }]}
        >
          <Input disabled={editing !== null} maxLength={20} />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('nameZh')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('nameEn')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Space size={16}>
          <Form.Item
            name="warrantyMonths"
            label={t('warrantyMonths')}
            rules={[{ required: true, message: t('required') }]}
          >
            <InputNumber min={0} max={120} precision={0} suffix={t('months')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="position" label={t('position')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} max={999} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Space size={16} wrap>
          <Form.Item
            name="mainPartsMonths"
            label={t('mainPartsMonths')}
            dependencies={['warrantyMonths']}
            rules={[
              { required: true, message: t('required') },
              ({ getFieldValue }) => ({
                validator: (_, value: number | null) =>
                  value === null || value >= (getFieldValue('warrantyMonths') as number)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('mainPartsRule'))),
              }),
            ]}
          >
            <InputNumber min={0} max={120} precision={0} suffix={t('months')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="returnDays" label={t('returnDays')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} max={3650} precision={0} suffix={t('days')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="exchangeDays"
            label={t('exchangeDays')}
            dependencies={['returnDays']}
            rules={[
              { required: true, message: t('required') },
              ({ getFieldValue }) => ({
                validator: (_, value: number | null) =>
                  value === null || value >= (getFieldValue('returnDays') as number)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('exchangeRule'))),
              }),
            ]}
          >
            <InputNumber min={0} max={3650} precision={0} suffix={t('days')} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{t('warrantyNote')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('windowsNote')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}

export default function CategoriesPage() {
  const { t } = useTranslation('categories');
  const { message } = App.useApp();
  const { can } = useStaff();
  const editable = can('catalogue.edit');
  const [editing, setEditing] = useState<CategoryView | 'new' | null>(null);
  const loaded = useApi(() => api.get<{ items: CategoryView[] }>('/catalogue/categories'), []);
  const items = loaded.data?.items ?? [];
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      {loaded.problem && <Alert type="error" showIcon title={loaded.problem} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        {editable && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('new')}
          </Button>
        )}
      </Space>
      <Table<CategoryView>
        rowKey="code"
        size="middle"
        loading={loaded.loading}
        dataSource={items}
        pagination={false}
        tableLayout="fixed"
        columns={[
          { title: t('code'), dataIndex: 'code', width: 160 },
          { title: t('nameZh'), dataIndex: 'nameZh' },
          { title: t('nameEn'), dataIndex: 'nameEn' },
          {
            title: t('warrantyMonths'),
            dataIndex: 'warrantyMonths',
            width: 140,
            align: 'right',
            render: (m: number) => t('monthsValue', { count: m }),
          },
          {
            title: t('mainPartsMonths'),
            dataIndex: 'mainPartsMonths',
            width: 130,
            align: 'right',
            render: (m: number) => t('monthsValue', { count: m }),
          },
          {
            title: t('windows'),
            key: 'windows',
            width: 150,
            render: (_: unknown, c: CategoryView) => t('windowsValue', { ret: c.returnDays, exch: c.exchangeDays }),
          },
          {
            title: t('source'),
            dataIndex: 'setByHeadOffice',
            width: 140,
            render: (set: boolean) => (set ? <Tag color="blue">{t('setByHq')}</Tag> : <Tag>{t('builtIn')}</Tag>),
          },
          ...(editable
            ? [
                {
                  title: t('actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, c: CategoryView) => (
                    <Button size="small" type="link" onClick={() => setEditing(c)}>
                      {t('edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <CategoryForm
          category={editing}
          nextPosition={items.reduce((max, c) => Math.max(max, c.position + 1), 0)}
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
