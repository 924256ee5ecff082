/** What each ticket type's intake form asks for, in the order the counter asks it. */
import type { TFunction } from 'i18next';
import {
  COMPLAINT_DEPARTMENTS,
  COMPLAINT_CATEGORIES,
  FEEDBACK_CATEGORIES,
  REMEDIES,
  REPAIR_LOCATIONS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type AboutView,
  type StaffSummary,
  type TicketType,
} from '../../../db/api';
import type { FieldSpec, FormValues } from './spec-fields';

type T = TFunction<'tickets'>;

const channel = (t: T): FieldSpec => ({
  name: 'channel',
  kind: 'radio',
  required: true,
  options: TICKET_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) })),
});
const priority = (t: T): FieldSpec => ({
  name: 'priority',
  kind: 'radio',
  options: TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) })),
});

/** Whom a complaint can be about: the staff to choose from, and whether this person may change it. */
export type AboutChoices = Readonly<{
  staff: ReadonlyArray<StaffSummary>;
  /** The complaint's current `about`, kept as a choice even if that person is no longer listed. */
  current?: AboutView | null;
  /** After intake only the after-sales manager (and the admin) changes it. */
  locked?: boolean;
}>;

function aboutSpec(t: T, choices: AboutChoices): FieldSpec {
  const staff = choices.staff.map((s) => ({ value: `staff:${s.id}`, label: t('about.staff', { name: s.name }) }));
  const current = choices.current;
  if (current?.kind === 'staff' && !choices.staff.some((s) => s.id === current.staffId))
    staff.push({ value: `staff:${current.staffId}`, label: t('about.staff', { name: current.name }) });
  return {
    name: 'about',
    kind: 'select',
    required: true,
    disabled: choices.locked ?? false,
    ...(choices.locked ? { help: t('aboutLocked') } : {}),
    options: [
      { value: 'none', label: t('about.none') },
      ...COMPLAINT_DEPARTMENTS.map((d) => ({
        value: `department:${d}`,
        label: t('about.department', { name: t(`about.departments.${d}`) }),
      })),
      ...staff,
    ],
  };
}

export function intakeSpecs(type: TicketType, t: T, about: AboutChoices = { staff: [] }): FieldSpec[] {
  switch (type) {
    case 'consultation':
      return [
        channel(t),
        { name: 'question', kind: 'multiline', required: true, max: 2000 },
        { name: 'answer', kind: 'multiline', max: 2000 },
        { name: 'promisedReplyAt', kind: 'datetime' },
        priority(t),
      ];
    case 'complaint':
      return [
        channel(t),
        {
          name: 'category',
          kind: 'select',
          required: true,
          options: COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaintCategories.${c}`) })),
        },
        { name: 'whatHappened', kind: 'multiline', required: true, max: 4000 },
        { name: 'customerWants', kind: 'multiline', required: true, max: 2000 },
        aboutSpec(t, about),
        { name: 'serious', kind: 'checkbox' },
        priority(t),
      ];
    case 'aftersales':
      return [
        channel(t),
        { name: 'receiptNo', kind: 'text', required: true, max: 60 },
        { name: 'purchaseDate', kind: 'date', required: true },
        { name: 'model', kind: 'text', required: true, max: 80 },
        { name: 'serial', kind: 'text', max: 80 },
        { name: 'fault', kind: 'multiline', required: true, max: 4000 },
        {
          name: 'wants',
          kind: 'radio',
          options: [...REMEDIES, 'undecided' as const].map((r) => ({ value: r, label: t(`remedies.${r}`) })),
        },
        priority(t),
      ];
    case 'repair':
      return [
        {
          name: 'location',
          kind: 'radio',
          required: true,
          options: REPAIR_LOCATIONS.map((l) => ({ value: l, label: t(`locations.${l}`) })),
        },
        { name: 'address', kind: 'text', max: 200 },
        { name: 'model', kind: 'text', max: 80 },
        { name: 'serial', kind: 'text', max: 80 },
        { name: 'fault', kind: 'multiline', required: true, max: 4000 },
        { name: 'accessories', kind: 'text', max: 500 },
        { name: 'condition', kind: 'text', max: 500 },
        {
          name: 'priority',
          kind: 'radio',
          options: TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) })),
        },
      ];
    case 'feedback':
      return [
        channel(t),
        {
          name: 'category',
          kind: 'select',
          required: true,
          options: FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: t(`feedbackCategories.${c}`) })),
        },
        { name: 'content', kind: 'multiline', required: true, max: 4000 },
      ];
  }
}

/** A fresh form of the type: text fields empty, choices at their usual values. */
export function intakeDefaults(type: TicketType, extra: { address?: string } = {}): FormValues {
  const base: FormValues = { type, priority: 'normal' };
  switch (type) {
    case 'consultation':
      return { ...base, channel: 'in_store', question: '', answer: '' };
    case 'complaint':
      return { ...base, channel: 'in_store', whatHappened: '', customerWants: '', about: 'none', serious: false };
    case 'aftersales':
      return { ...base, channel: 'in_store', receiptNo: '', model: '', serial: '', fault: '', wants: 'undecided' };
    case 'repair':
      return {
        ...base,
        location: 'in_store',
        address: extra.address ?? '',
        model: '',
        serial: '',
        fault: '',
        accessories: '',
        condition: '',
      };
    case 'feedback':
      return { ...base, channel: 'in_store', content: '' };
  }
}
