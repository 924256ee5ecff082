/** What each step's dialog asks for: the fields of its schema in db/tickets/step-input.ts. */
import type { TFunction } from 'i18next';
import { REMEDIES, REPAIR_LOCATIONS, type StaffSummary, type StepAction } from '../../../db/api';
import type { FieldSpec } from './spec-fields';

type T = TFunction<'tickets'>;
const note: FieldSpec = { name: 'note', kind: 'multiline', max: 2000 };
const reason: FieldSpec = { name: 'reason', kind: 'multiline', required: true, max: 500 };
const text = (name: FieldSpec['name'], max = 2000, required = true): FieldSpec => ({
  name,
  kind: 'multiline',
  required,
  max,
});

/** Starting a confirmed repair plan opens the repair job (db/tickets/repair-job.ts): where it is done, and what that place needs. */
function repairJobSpecs(t: T): FieldSpec[] {
  return [
    {
      name: 'location',
      kind: 'radio',
      required: true,
      options: REPAIR_LOCATIONS.map((l) => ({ value: l, label: t(`locations.${l}`) })),
    },
    { name: 'address', kind: 'text', max: 200 },
    { name: 'condition', kind: 'multiline', max: 500 },
  ];
}

export function stepSpecs(
  action: StepAction,
  t: T,
  staff: ReadonlyArray<StaffSummary>,
  roleName: (role: StaffSummary['role']) => string,
  createsRepairJob = false,
  /** A technician's label with their load (open jobs, today's), as the board shows it. */
  technicianLabel: (s: StaffSummary) => string = (s) => s.name,
): FieldSpec[] {
  const people: FieldSpec = {
    name: 'assigneeId',
    kind: 'select',
    required: true,
    options: staff.map((s) => ({ value: s.id, label: `${s.name} · ${roleName(s.role)}` })),
  };
  const technicians: FieldSpec = {
    name: 'technicianId',
    kind: 'select',
    required: true,
    options: staff
      .filter((s) => s.role === 'technician' || s.role === 'repair_lead')
      .map((s) => ({ value: s.id, label: technicianLabel(s) })),
  };
  switch (action) {
    case 'assign':
      return [people, note];
    case 'reassign':
      return [people, reason, note];
    case 'escalate':
    case 'void':
    case 'decline':
    case 'customer_declines':
    case 'replan':
      return [reason, note];
    case 'answer':
      return [text('answer'), note];
    case 'first_reply':
      return [text('reply'), note];
    case 'promise_reply':
      return [{ name: 'promisedAt', kind: 'datetime', required: true }, note];
    case 'propose_solution':
      return [text('findings', 4000), text('solution'), note];
    case 'inform_customer':
      return [text('customerView', 2000, false), note];
    case 'customer_disagrees':
      return [text('customerView'), note];
    case 'resolve':
    case 'mark_done':
      return [text('result'), note];
    case 'verify':
      return [text('findings'), note];
    case 'decide_plan':
      return [
        {
          name: 'plan',
          kind: 'radio',
          required: true,
          options: REMEDIES.map((r) => ({ value: r, label: t(`remedies.${r}`) })),
        },
        text('details'),
        note,
      ];
    case 'schedule':
      return [technicians, { name: 'plannedDate', kind: 'date' }, note];
    case 'reschedule':
      return [technicians, { name: 'plannedDate', kind: 'date' }, reason, note];
    case 'contact_customer':
      return [{ name: 'appointmentAt', kind: 'datetime', required: true }, note];
    case 'record_work':
      return [text('workDone'), note];
    case 'review':
      return [text('response'), note];
    case 'complete':
      // Its own dialog: the service form and the signature pad (complete-dialog.tsx).
      return [];
    case 'start_work':
      return createsRepairJob ? [...repairJobSpecs(t), note] : [note];
    case 'wait_customer':
    case 'wait_parts':
    case 'resume':
    case 'start_investigation':
    case 'archive':
    case 'customer_confirms':
    case 'arrive':
    case 'close':
      return [note];
  }
}
