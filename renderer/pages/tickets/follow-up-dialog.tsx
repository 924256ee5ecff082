/**
 * The follow-up call (回访, docs/DOMAIN.md §6): reached or not, the rating, how the product works now,
 * whether the problem is solved, the customer's comments. A low rating or an unsolved problem
 * sends the ticket back to the manager (decided in db/, shown here so the caller knows).
 */
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_RESULTS, followUpSchema, type TicketDetail } from '../../../db/api';
import { describedBy, FieldFrame } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { useDeskMutation } from '../../use-desk';
import type { FormValues } from './spec-fields';
import { showDeskError, validateWith } from './validate-form';

const FIELDS = ['reached', 'rating', 'productWorks', 'problemSolved', 'comments'];

/** The phones come from the list, full or masked as the main process decided for this role. */
export type FollowUpTarget = Readonly<{ id: string; number: string; version: string; phones: ReadonlyArray<string> }>;
type Target = FollowUpTarget;
type Props = { target: Target | null; onClose: () => void; onDone: (ticket: TicketDetail) => void };

/** The numbers to dial, one per line, each copyable; or a plain "no phone on file". */
export function CallPhones({ phones }: { phones: ReadonlyArray<string> }) {
  const { t } = useTranslation('tickets');
  if (phones.length === 0) return <Typography.Text type="secondary">{t('followUp.noPhone')}</Typography.Text>;
  return (
    <span className="cd-call-phones">
      {phones.map((phone) => (
        <Typography.Text key={phone} copyable={!phone.includes('*')} style={{ whiteSpace: 'nowrap', display: 'block' }}>
          {phone}
        </Typography.Text>
      ))}
    </span>
  );
}

export function FollowUpDialog({ target, onClose, onDone }: Props) {
  const { t } = useTranslation('tickets');
  return (
    <Modal
      open={target !== null}
      title={target ? t('followUp.callTitle', { number: target.number }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {target ? <FollowUpForm target={target} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function FollowUpForm({ target, onClose, onDone }: Props & { target: Target }) {
  const { t } = useTranslation('tickets');
  const { t: common } = useTranslation();
  const record = useDeskMutation('tickets.recordFollowUp');
  const [version] = useState(target.version);
  const form = useForm<FormValues>({ defaultValues: { reached: true, comments: '' } });
  const reached = useWatch({ control: form.control, name: 'reached' }) === true;

  const submit = form.handleSubmit(async (values) => {
    const outcome = reached ? values : { reached: false, comments: values.comments };
    const input = validateWith(followUpSchema, { ...outcome, ticketId: target.id, version }, form.setError, FIELDS);
    if (!input) return;
    const result = await record.run(input);
    if (result.ok) onDone(result.value);
    else showDeskError(result.error, form.setError, FIELDS);
  });

  const yesNo = (name: 'reached' | 'problemSolved', yes: string, no: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <FieldFrame
          id={`follow-up-${name}`}
          label={
            <span id={`follow-up-${name}-label`}>
              {t(name === 'reached' ? 'followUp.reached' : 'followUp.problemSolved')}
            </span>
          }
          error={fieldState.error?.message}
        >
          <Radio.Group
            {...describedBy(`follow-up-${name}`, fieldState.error?.message, undefined)}
            role="radiogroup"
            aria-labelledby={`follow-up-${name}-label`}
            optionType="button"
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            options={[
              { value: true, label: yes },
              { value: false, label: no },
            ]}
          />
        </FieldFrame>
      )}
    />
  );

  return (
    <Form
      layout="vertical"
      onFinish={() => {
        // Errors set by hand stay until cleared, and would block the next submit.
        form.clearErrors();
        void submit();
      }}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[{ key: 'phone', label: t('followUp.phone'), children: <CallPhones phones={target.phones} /> }]}
      />
      {yesNo('reached', t('followUp.reached'), t('followUp.notReached'))}
      {reached ? (
        <>
          <Controller
            control={form.control}
            name="rating"
            render={({ field, fieldState }) => (
              <FieldFrame
                id="follow-up-rating"
                label={<span id="follow-up-rating-label">{t('followUp.rating')}</span>}
                error={fieldState.error?.message}
                required
              >
                <Radio.Group
                  {...describedBy('follow-up-rating', fieldState.error?.message, undefined)}
                  role="radiogroup"
                  aria-labelledby="follow-up-rating-label"
                  optionType="button"
                  value={field.value}
                  onChange={(e) => field.onChange(e.target.value)}
                  options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))}
                />
              </FieldFrame>
            )}
          />
          {yesNo('problemSolved', t('followUp.solvedYes'), t('followUp.solvedNo'))}
          <Controller
            control={form.control}
            name="productWorks"
            render={({ field }) => (
              <FieldFrame id="follow-up-works" label={t('followUp.productWorks')}>
                <Select<string>
                  id="follow-up-works"
                  allowClear
                  value={typeof field.value === 'string' ? field.value : undefined}
                  onChange={(v) => field.onChange(v)}
                  options={FOLLOW_UP_RESULTS.map((r) => ({ value: r, label: t(`productWorks.${r}`) }))}
                  virtual={false}
                />
              </FieldFrame>
            )}
          />
          <Alert type="info" showIcon title={t('followUp.lowRating')} style={{ marginBottom: 12 }} />
        </>
      ) : null}
      <Controller
        control={form.control}
        name="comments"
        render={({ field, fieldState }) => (
          <FieldFrame id="follow-up-comments" label={t('followUp.comments')} error={fieldState.error?.message}>
            <Input.TextArea
              {...describedBy('follow-up-comments', fieldState.error?.message, undefined)}
              value={String(field.value ?? '')}
              onChange={(e) => field.onChange(e.target.value)}
              maxLength={2000}
              autoSize={{ minRows: 2 }}
            />
          </FieldFrame>
        )}
      />
      <FormAlert errors={form.formState.errors} />
      <Space>
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
          {t('followUp.record')}
        </Button>
        <Button onClick={onClose}>{common('form.cancel')}</Button>
      </Space>
    </Form>
  );
}
