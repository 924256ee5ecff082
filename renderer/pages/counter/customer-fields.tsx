/** The fields a customer is created and edited with, shared by both forms (via useFormContext). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TIER_RULES, TIERS, type customerCreateSchema } from '../../../db/api';
import { AddressFields, ContactFields } from '../customers/customer-extra-fields';
import { useErrorText } from '../../forms/error-text';
import { describedBy, FieldFrame, SelectField, TextField } from '../../forms/fields';
import { useSignedIn } from '../../shell/signed-in';

/** What the user types: the schema's input (the phone is turned into {kind, number, digits} by zod). */
export type CustomerFieldValues = z.input<typeof customerCreateSchema>;

const MAX_PHONES = 5;

export function CustomerFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cust');
  const { can } = useSignedIn();
  const { control } = useFormContext<CustomerFieldValues>();
  const canSetTier = can('customers.tier');
  return (
    <>
      <TextField
        control={control}
        name="name"
        id={`${idPrefix}-name`}
        label={t('customer.name')}
        required
        autoFocus
        maxLength={60}
      />
      <PhoneFields idPrefix={idPrefix} />
      <SelectField
        control={control}
        name="tier"
        id={`${idPrefix}-tier`}
        label={t('customer.tier')}
        options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
        disabled={!canSetTier}
        help={canSetTier ? undefined : t('customer.tierLocked')}
      />
      {canSetTier ? (
        <SelectField
          control={control}
          name="tierRule"
          id={`${idPrefix}-tier-rule`}
          label={tc('file.tierRule')}
          options={TIER_RULES.map((rule) => ({ value: rule, label: tc(`tierRule.${rule}`) }))}
        />
      ) : null}
      <AddressFields idPrefix={idPrefix} />
      <ContactFields idPrefix={idPrefix} />
      <TextField
        control={control}
        name="notes"
        id={`${idPrefix}-notes`}
        label={tc('file.remark')}
        kind="multiline"
        maxLength={2000}
      />
    </>
  );
}

function PhoneFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { control, formState } = useFormContext<CustomerFieldValues>();
  // keyName: the phone rows carry their own `id` (kept when editing), so the row key needs another name.
  const { fields, append, remove } = useFieldArray({ control, name: 'phones', keyName: 'key' });
  const listError = formState.errors.phones?.message ?? formState.errors.phones?.root?.message;

  return (
    <>
      {fields.map((row, index) => {
        const id = `${idPrefix}-phone-${index + 1}`;
        const label = t('customer.phone', { n: index + 1 });
        return (
          <Controller
            key={row.key}
            control={control}
            name={`phones.${index}.number`}
            render={({ field, fieldState }) => (
              <FieldFrame id={id} label={label} error={fieldState.error?.message} required={index === 0}>
                <div style={{ display: 'flex', gap: 8 }}>
                  <Input
                    {...describedBy(id, fieldState.error?.message, undefined)}
                    ref={field.ref}
                    name={field.name}
                    value={field.value}
                    onChange={(event) => field.onChange(event.target.value)}
                    onBlur={field.onBlur}
                    inputMode="tel"
                    autoComplete="off"
                    maxLength={30}
                  />
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('customer.removePhone', { n: index + 1 })}
                    disabled={fields.length <= 1}
                    onClick={() => remove(index)}
                  />
                </div>
              </FieldFrame>
            )}
          />
        );
      })}
      {listError ? (
        <Form.Item validateStatus="error" help={errorText(listError)}>
          <span />
        </Form.Item>
      ) : null}
      <Form.Item>
        <Button
          icon={<PlusOutlined aria-hidden />}
          disabled={fields.length >= MAX_PHONES}
          onClick={() => append({ number: '' })}
        >
          {t('customer.addPhone')}
        </Button>
      </Form.Item>
    </>
  );
}
