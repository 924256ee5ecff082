/** Correct the intake details of an open ticket; refused (nothing saved) if it changed meanwhile. */
import { Button, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ticketIntakeSchema, type TicketDetail } from '../../../db/api';
import { FormAlert } from '../../forms/form-alert';
import { useDeskMutation } from '../../use-desk';
import { useSignedIn } from '../../shell/signed-in';
import { intakeSpecs } from './intake-specs';
import { useTicketStaff } from './use-staff';
import { SpecFields, type FormValues } from './spec-fields';
import { showDeskError, validateWith } from './validate-form';

type Props = { ticket: TicketDetail; open: boolean; onClose: () => void; onSaved: () => void };

export function IntakeEditDialog({ ticket, open, onClose, onSaved }: Props) {
  const { t } = useTranslation('tickets');
  return (
    <Modal open={open} title={t('detail.editTitle')} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      {open ? <EditForm ticket={ticket} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function EditForm({ ticket, onClose, onSaved }: Omit<Props, 'open'>) {
  const { t } = useTranslation('tickets');
  const { t: common } = useTranslation();
  const update = useDeskMutation('tickets.update');
  const [version] = useState(ticket.version);
  const staff = useTicketStaff();
  const { staff: me } = useSignedIn();
  const manager = me.role === 'aftersales_manager' || me.role === 'admin';
  const specs = intakeSpecs(ticket.type, t, { staff, current: ticket.about, locked: !manager });
  const fields = specs.map((s) => s.name as string);
  const form = useForm<FormValues>({ defaultValues: { ...ticket.form, type: ticket.type, priority: ticket.priority } });

  const submit = form.handleSubmit(async (values) => {
    const intake = validateWith(
      ticketIntakeSchema,
      { ...values, customerId: ticket.customerId, ...(ticket.product ? { productId: ticket.product.id } : {}) },
      form.setError,
      fields,
    );
    if (!intake) return;
    const result = await update.run({ id: ticket.id, version, intake });
    if (result.ok) onSaved();
    else showDeskError(result.error, form.setError, fields, 'intake.');
  });

  return (
    <Form
      layout="vertical"
      onFinish={() => {
        // Errors set by hand stay until cleared, and would block the next submit.
        form.clearErrors();
        void submit();
      }}
    >
      <SpecFields specs={specs} control={form.control} idPrefix="edit-intake" />
      <FormAlert errors={form.formState.errors} />
      <Space>
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
          {common('form.save')}
        </Button>
        <Button onClick={onClose}>{common('form.cancel')}</Button>
      </Space>
    </Form>
  );
}
