/** The customer file's fields beyond name and phones: addresses and contact preferences. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select } from 'antd';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CONTACT_CHANNELS, type customerCreateSchema } from '../../../db/api';
import { describedBy, FieldFrame } from '../../forms/fields';

type Values = z.input<typeof customerCreateSchema>;
const MAX_ADDRESSES = 5;

export function AddressFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation('cust');
  const { control } = useFormContext<Values>();
  const { fields, append, remove } = useFieldArray({ control, name: 'addresses', keyName: 'key' });
  return (
    <>
      {fields.map((row, index) => {
        const id = `${idPrefix}-address-${index + 1}`;
        return (
          <Controller
            key={row.key}
            control={control}
            name={`addresses.${index}.address`}
            render={({ field, fieldState }) => (
              <FieldFrame id={id} label={t('file.address', { n: index + 1 })} error={fieldState.error?.message}>
                <div style={{ display: 'flex', gap: 8 }}>
                  <Input
                    {...describedBy(id, fieldState.error?.message, undefined)}
                    ref={field.ref}
                    name={field.name}
                    value={field.value}
                    onChange={(e) => field.onChange(e.target.value)}
                    onBlur={field.onBlur}
                    maxLength={200}
                  />
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('file.removeAddress', { n: index + 1 })}
                    onClick={() => remove(index)}
                  />
                </div>
              </FieldFrame>
            )}
          />
        );
      })}
      <Form.Item>
        <Button
          icon={<PlusOutlined aria-hidden />}
          disabled={fields.length >= MAX_ADDRESSES}
          onClick={() => append({ label: '', address: '' })}
        >
          {t('file.addAddress')}
        </Button>
      </Form.Item>
    </>
  );
}

export function ContactFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation('cust');
  const { control } = useFormContext<Values>();
  const channelId = `${idPrefix}-channel`;
  const languageId = `${idPrefix}-language`;
  return (
    <>
      <Controller
        control={control}
        name="language"
        render={({ field }) => (
          <FieldFrame id={languageId} label={t('file.messageLanguage')}>
            <Select<string>
              id={languageId}
              value={field.value ?? ''}
              onChange={(next) => field.onChange(next === '' ? null : next)}
              options={[
                { value: '', label: t('file.messageLanguageDefault') },
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
              virtual={false}
            />
          </FieldFrame>
        )}
      />
      <Controller
        control={control}
        name="preferredChannel"
        render={({ field }) => (
          <FieldFrame id={channelId} label={t('file.channel')}>
            <Select<string>
              id={channelId}
              value={field.value ?? ''}
              onChange={(next) => field.onChange(next === '' ? null : next)}
              options={[
                { value: '', label: t('file.noChannel') },
                ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })),
              ]}
              virtual={false}
            />
          </FieldFrame>
        )}
      />
      <Form.Item>
        <Controller
          control={control}
          name="contactConsent"
          render={({ field }) => (
            <Checkbox checked={field.value ?? false} onChange={(e) => field.onChange(e.target.checked)}>
              {t('file.consentMessages')}
            </Checkbox>
          )}
        />
        <Controller
          control={control}
          name="doNotContact"
          render={({ field }) => (
            <Checkbox checked={field.value ?? false} onChange={(e) => field.onChange(e.target.checked)}>
              {t('file.doNotContact')}
            </Checkbox>
          )}
        />
      </Form.Item>
    </>
  );
}
