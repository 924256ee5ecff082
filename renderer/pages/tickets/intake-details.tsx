/** The intake as taken, and the facts the workflow keeps (responsible, appointment, follow-up…). */
import { Descriptions, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../db/api';
import type { TicketsMessages } from '../../i18n/tickets.en';
import { useTicketFormat } from './format';
import { useTicketLabels } from './labels';
import { ticketHref } from './route';
import { useWarrantyDetail, WarrantyTag } from './warranty-tag';

type FieldKey = keyof TicketsMessages['fields'];

export function IntakeDetails({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation('tickets');
  const format = useTicketFormat();
  const labels = useTicketLabels();
  const warrantyDetail = useWarrantyDetail();
  const fieldLabels = t('fields', { returnObjects: true }) as TicketsMessages['fields'];

  const value = (key: string, raw: string | boolean): ReactNode => {
    if (typeof raw === 'boolean') return raw ? '✓' : '✗';
    switch (key) {
      case 'channel':
        return t(`channels.${raw as 'phone'}`);
      case 'category':
        return ticket.type === 'feedback'
          ? t(`feedbackCategories.${raw as 'other'}`)
          : t(`complaintCategories.${raw as 'other'}`);
      case 'location':
        return t(`locations.${raw as 'in_store'}`);
      case 'wants':
        return t(`remedies.${raw as 'replace'}`);
      case 'purchaseDate':
        return format.date(raw);
      case 'promisedReplyAt':
        return format.dateTime(raw);
      case 'about':
        return aboutText(ticket.about);
      default:
        return <span style={{ whiteSpace: 'pre-wrap' }}>{raw}</span>;
    }
  };

  const aboutText = (about: TicketDetail['about']): string => {
    if (about === null || about.kind === 'none') return t('about.none');
    if (about.kind === 'staff') return t('about.staff', { name: about.name });
    return t('about.department', { name: t(`about.departments.${about.department}`) });
  };

  const rows: Array<[string, ReactNode]> = [];
  // Masked (138****5678) unless the main process let this person see them (db/tickets/visit-contact.ts).
  if (ticket.customerPhones.length > 0) rows.push([t('fields.customerPhones'), ticket.customerPhones.join(' / ')]);
  if (ticket.product)
    rows.push([t('fields.product'), [ticket.product.label, ticket.product.serial].filter(Boolean).join(' · ')]);
  if (ticket.sanbao)
    rows.push([
      t('intake.warranty'),
      <Space key="w" size={4} wrap>
        <WarrantyTag view={ticket.sanbao} />
        <span>{warrantyDetail(ticket.sanbao)}</span>
      </Space>,
    ]);
  // Complaints taken before "about" existed say "nobody in particular" too.
  if (ticket.about !== null && !('about' in ticket.form)) rows.push([t('fields.about'), aboutText(ticket.about)]);
  for (const [key, raw] of Object.entries(ticket.form)) {
    // An unticked box (not serious) says nothing worth a row.
    // The warranty carried from an after-sales request shows as the warranty row above.
    if (raw === '' || raw === false || key === 'type' || key === 'warranty') continue;
    rows.push([key in fieldLabels ? fieldLabels[key as FieldKey] : key, value(key, raw)]);
  }
  // The repair job an after-sales plan opened, and the request a repair job came from: both ways.
  for (const [label, linked] of [
    [t('detail.repairJob'), ticket.repairJob],
    [t('detail.sourceRequest'), ticket.sourceRequest],
  ] as const) {
    if (!linked) continue;
    rows.push([
      label,
      <span key={linked.id}>
        <a href={ticketHref(linked.id)}>{linked.number}</a>{' '}
        <Tag color={linked.isOpen ? 'blue' : 'default'}>{labels.status(linked.status)}</Tag>
      </span>,
    ]);
  }
  rows.push([t('fields.priority'), t(`priorities.${ticket.priority}`)]);
  rows.push([t('detail.assignee'), ticket.assignee?.name ?? t('detail.unassigned')]);
  if (ticket.plannedDate) rows.push([t('detail.plannedDate'), format.date(ticket.plannedDate)]);
  if (ticket.appointmentAt) rows.push([t('detail.appointment'), format.dateTime(ticket.appointmentAt)]);
  if (ticket.promisedReplyAt) rows.push([t('detail.promisedReply'), format.dateTime(ticket.promisedReplyAt)]);
  if (ticket.followUpDue) rows.push([t('detail.followUpDue'), format.date(ticket.followUpDue)]);
  rows.push([t('detail.created'), format.dateTime(ticket.createdAt)]);
  if (ticket.createdByName) rows.push([t('detail.createdBy'), ticket.createdByName]);

  return (
    <Descriptions size="small" column={1} bordered>
      {rows.map(([label, shown]) => (
        <Descriptions.Item key={label} label={label}>
          {shown}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
