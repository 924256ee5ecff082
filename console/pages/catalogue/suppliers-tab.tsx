/** Suppliers: who they are, how many parts name them; editors add, edit and retire. */
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useStaff } from '../../session';
import type { SupplierFieldsInput, SupplierView } from '../../../headoffice/console/contract/catalogue';
import { errorText } from './errors';

function SupplierForm({
  supplier,
  onClose,
  onSaved,
}: {
  supplier: SupplierView | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('catalogue');
  const [form] = Form.useForm<SupplierFieldsInput>();
  const [error, setError] = useState<string | null>(null);
  const editing = supplier !== 'new' ? supplier : null;
  const save = async (values: SupplierFieldsInput) => {
    try {
      if (editing) await api.send('PUT', `/catalogue/suppliers/${editing.id}`, values);
      else await api.send('POST', '/catalogue/suppliers', values);
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal
      open
      title={editing ? t('supplier.editTitle') : t('supplier.newTitle')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={editing ?? { name: '', contact: '', phone: '' }}
      >
        <Form.Item
          name="name"
          label={t('supplier.name')}
          rules={[{ required: true, whitespace: true, message: t('rule.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="contact" label={t('supplier.contact')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('supplier.phone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SuppliersTab({ suppliers, reload }: { suppliers: ReadonlyArray<SupplierView>; reload: () => void }) {
  const { t } = useTranslation('catalogue');
  const { message } = App.useApp();
  const { can } = useStaff();
  const editable = can('catalogue.edit');
  const [editing, setEditing] = useState<SupplierView | 'new' | null>(null);
  const retire = async (supplier: SupplierView, retired: boolean) => {
    try {
      await api.send('POST', `/catalogue/suppliers/${supplier.id}/retire`, { retired });
      reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <>
      {editable && (
        <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'flex-end' }}>
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('supplier.new')}
          </Button>
        </Space>
      )}
      <Table<SupplierView>
        rowKey="id"
        size="middle"
        dataSource={[...suppliers]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        tableLayout="fixed"
        columns={[
          {
            title: t('supplier.name'),
            dataIndex: 'name',
            ellipsis: { showTitle: false },
            render: (name: string) => (
              <Tooltip title={name} placement="topLeft">
                {name}
              </Tooltip>
            ),
          },
          { title: t('supplier.contact'), dataIndex: 'contact', width: 160, ellipsis: true },
          { title: t('supplier.phone'), dataIndex: 'phone', width: 160 },
          { title: t('supplier.partCount'), dataIndex: 'partCount', width: 100, align: 'right' },
          {
            title: t('field.status'),
            dataIndex: 'retiredAt',
            width: 90,
            render: (retiredAt: string | null) =>
              retiredAt ? <Tag>{t('status.retired')}</Tag> : <Tag color="green">{t('status.active')}</Tag>,
          },
          ...(editable
            ? [
                {
                  title: t('field.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, s: SupplierView) => (
                    <Space size={4}>
                      <Button size="small" type="link" onClick={() => setEditing(s)}>
                        {t('action.edit')}
                      </Button>
                      <Popconfirm
                        title={s.retiredAt ? t('supplier.reactivateConfirm') : t('supplier.retireConfirm')}
                        okText={t('action.confirm')}
                        cancelText={t('action.cancel')}
                        onConfirm={() => retire(s, s.retiredAt === null)}
                      >
                        <Button size="small" type="link" danger={s.retiredAt === null}>
                          {s.retiredAt ? t('action.reactivate') : t('action.retire')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <SupplierForm
          supplier={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </>
  );
}
