/**
 * One step of the ticket's workflow, in a dialog: the fields the step needs, then the call. The
 * ticket's version is the one on screen when the dialog opened, so if someone else moved the
 * ticket meanwhile the step is refused (nothing changes) and the dialog says so.
 */
import { Alert, Button, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { stepSchema, type StepAction, type TicketDetail } from '../../../db/api';
import { FormAlert } from '../../forms/form-alert';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation } from '../../use-desk';
import { useTicketLabels } from './labels';
import { overrideReasonSpec, PlanWindowAlert, planOutside } from './plan-window-alert';
import { SpecFields, type FormValues } from './spec-fields';
import { stepSpecs } from './step-specs';
import { useTicketStaff } from './use-staff';
import { useLoadLabel, useTechnicianLoad } from '../board/use-technician-load';
import { showDeskError, validateWith } from './validate-form';

type Props = {
  ticket: TicketDetail;
  action: StepAction | null;
  onClose: () => void;
  onDone: (ticket: TicketDetail) => void;
};

export function StepDialog({ ticket, action, onClose, onDone }: Props) {
  const labels = useTicketLabels();
  return (
    <Modal
      open={action !== null}
      title={action ? labels.action(action) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {action ? <StepForm key={action} ticket={ticket} action={action} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function StepForm({ ticket, action, onClose, onDone }: Props & { action: StepAction }) {
  const { t } = useTranslation('tickets');
  const { t: common } = useTranslation();
  const staff = useTicketStaff();
  const schedules = action === 'schedule' || action === 'reschedule';
  const loads = useTechnicianLoad(schedules);
  const loadLabel = useLoadLabel();
  const act = useDeskMutation('tickets.act');
  const [version] = useState(ticket.version);
  // A confirmed repair plan, started: the repair job is opened with it (db/tickets/repair-job.ts).
  const createsRepairJob =
    action === 'start_work' && ticket.type === 'aftersales' && ticket.plan === 'repair' && ticket.repairJob === null;
  const form = useForm<FormValues>({
    defaultValues: createsRepairJob
      ? { action, note: '', location: 'in_store', address: '', condition: '' }
      : { action, note: '' },
  });
  // The visit address on site, the goods' condition in store: only the chosen place's detail.
  const hidden = useWatch({ control: form.control, name: 'location' }) === 'on_site' ? 'condition' : 'address';
  const chosenPlan = useWatch({ control: form.control, name: 'plan' });
  const { can } = useSignedIn();
  const technicianLabel = (s: { id: string; name: string }): string =>
    loadLabel(
      s.name,
      loads.find((load) => load.id === s.id),
    );
  const specs = stepSpecs(
    action,
    t,
    staff,
    (role) => common(`roles.${role}`),
    createsRepairJob,
    technicianLabel,
  ).filter((s) => !createsRepairJob || s.name !== hidden);
  // A refund or exchange outside its 三包 window: said here, and the manager gives the reason.
  const outside = action === 'decide_plan' ? planOutside(ticket.sanbao, chosenPlan) : null;
  const mayOverride = can('aftersales.outsideWindow');
  if (outside !== null && mayOverride) specs.splice(specs.length - 1, 0, overrideReasonSpec);
  const fields = specs.map((s) => s.name as string);

  const submit = form.handleSubmit(async (values) => {
    const step = validateWith(stepSchema, values, form.setError, fields);
    if (!step) return;
    const result = await act.run({ ticketId: ticket.id, version, step });
    if (result.ok) onDone(result.value);
    else showDeskError(result.error, form.setError, fields, 'step.');
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
      {createsRepairJob ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('step.createsRepairJob')}
          description={
            <>
              {t('step.createsRepairJobHint')}
              <br />
              {t('step.repairConditionHint')}
            </>
          }
        />
      ) : null}
      <SpecFields specs={specs} control={form.control} idPrefix={`step-${action}`} />
      {outside !== null ? <PlanWindowAlert view={ticket.sanbao} outside={outside} mayOverride={mayOverride} /> : null}
      <FormAlert errors={form.formState.errors} />
      <Space>
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
          {t('step.submit')}
        </Button>
        <Button onClick={onClose}>{common('form.cancel')}</Button>
      </Space>
    </Form>
  );
}
