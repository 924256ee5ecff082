/**
 * The store's product categories and their 三包 terms (db/customers/categories.ts): editable here
 * while the store is standalone; once enrolled head office sets them, and the list is read-only
 * with a note saying so (the main process refuses the write either way).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Form, Modal, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  categorySaveSchema,
  MAX_WARRANTY_MONTHS,
  MAX_WINDOW_DAYS,
  type CategoryTermsView,
  type ProductCategory,
} from '../../db/api';
import { useErrorText } from '../forms/error-text';
import { NumberField, TextField } from '../forms/fields';
import { FormAlert } from '../forms/form-alert';
import { applyDeskError, fieldsOf } from '../forms/server-error';
import { useDeskMutation, useDeskQuery } from '../use-desk';

type CategoryInput = z.input<typeof categorySaveSchema>;
const isCategoryField = fieldsOf<CategoryInput>(
  'code',
  'nameZh',
  'nameEn',
  'returnDays',
  'exchangeDays',
  'warrantyMonths',
  'mainPartsMonths',
);
const NEW: CategoryInput = {
  code: '',
  nameZh: '',
  nameEn: '',
  returnDays: 7,
  exchangeDays: 15,
  warrantyMonths: 12,
  mainPartsMonths: 12,
};

export function CategoryTerms() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { state, refetch } = useDeskQuery('customers.categoryTerms', {});
  const [editing, setEditing] = useState<CategoryInput | null>(null);
  const terms = state.value;
  const english = i18n.language.startsWith('en');
  const editable = terms?.owner === 'store';
  return (
    <section aria-labelledby="categories-title" data-category-terms={terms?.owner ?? 'loading'}>
      <Typography.Title level={3} id="categories-title">
        {t('categories.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('categories.intro')}</Typography.Paragraph>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      {terms && !editable ? (
        <Alert type="info" showIcon title={t('categories.headOffice')} style={{ marginBottom: 12 }} />
      ) : null}
      {terms ? (
        <>
          <Table<ProductCategory>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={[...terms.categories]}
            columns={[
              { title: t('categories.name'), render: (_, c) => (english ? c.nameEn : c.nameZh) },
              { title: t('categories.returnDays'), dataIndex: 'returnDays', align: 'right' },
              { title: t('categories.exchangeDays'), dataIndex: 'exchangeDays', align: 'right' },
              { title: t('categories.warrantyMonths'), dataIndex: 'warrantyMonths', align: 'right' },
              { title: t('categories.mainPartsMonths'), dataIndex: 'mainPartsMonths', align: 'right' },
              ...(editable
                ? [
                    {
                      title: t('staff.actions'),
                      render: (_: unknown, c: ProductCategory) => (
                        <Button
                          size="small"
                          aria-label={t('staff.editOf', { name: english ? c.nameEn : c.nameZh })}
                          onClick={() => setEditing({ ...c })}
                        >
                          {t('staff.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {editable ? (
            <Button style={{ marginTop: 12 }} onClick={() => setEditing({ ...NEW })}>
              {t('categories.add')}
            </Button>
          ) : null}
        </>
      ) : state.status === 'loading' ? (
        <Skeleton active />
      ) : null}
      {editing ? (
        <CategoryDialog
          initial={editing}
          isNew={!terms?.categories.some((c) => c.code === editing.code)}
          onClose={(saved) => {
            setEditing(null);
            if (saved) refetch();
          }}
        />
      ) : null}
    </section>
  );
}

function CategoryDialog({
  initial,
  isNew,
  onClose,
}: {
  initial: CategoryInput;
  isNew: boolean;
  onClose: (saved: CategoryTermsView | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useDeskMutation('customers.saveCategory');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    CategoryInput,
    unknown,
    z.output<typeof categorySaveSchema>
  >({ resolver: zodResolver(categorySaveSchema), defaultValues: initial });
  const submit = handleSubmit(async () => {
    const result = await save.run(getValues());
    if (result.ok) {
      void message.success(t('form.saved'));
      onClose(result.value);
    } else applyDeskError(result.error, setError, isCategoryField);
  });
  return (
    <Modal
      open
      title={isNew ? t('categories.add') : t('categories.edit', { name: initial.nameZh })}
      onCancel={() => onClose(null)}
      footer={null}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={() => void submit()}>
        {isNew ? (
          <TextField
            control={control}
            name="code"
            id="category-code"
            label={t('categories.code')}
            help={t('categories.codeHelp')}
            required
            maxLength={20}
          />
        ) : null}
        <Space wrap style={{ display: 'flex' }}>
          <TextField
            control={control}
            name="nameZh"
            id="category-name-zh"
            label={t('categories.nameZh')}
            required
            maxLength={20}
          />
          <TextField
            control={control}
            name="nameEn"
            id="category-name-en"
            label={t('categories.nameEn')}
            required
            maxLength={40}
          />
        </Space>
        <Space wrap style={{ display: 'flex' }}>
          <NumberField
            control={control}
            name="returnDays"
            id="category-return"
            label={t('categories.returnDays')}
            required
            min={0}
            max={MAX_WINDOW_DAYS}
          />
          <NumberField
            control={control}
            name="exchangeDays"
            id="category-exchange"
            label={t('categories.exchangeDays')}
            required
            min={0}
            max={MAX_WINDOW_DAYS}
          />
        </Space>
        <Space wrap style={{ display: 'flex' }}>
          <NumberField
            control={control}
            name="warrantyMonths"
            id="category-warranty"
            label={t('categories.warrantyMonths')}
            required
            min={0}
            max={MAX_WARRANTY_MONTHS}
          />
          <NumberField
            control={control}
            name="mainPartsMonths"
            id="category-main-parts"
            label={t('categories.mainPartsMonths')}
            required
            min={0}
            max={MAX_WARRANTY_MONTHS}
          />
        </Space>
        <FormAlert errors={formState.errors} />
        <Space style={{ display: 'flex' }}>
          <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
            {t('form.save')}
          </Button>
          <Button onClick={() => onClose(null)}>{t('form.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
