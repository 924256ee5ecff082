/**
 * The A4 service form (维修服务单) the customer signs, and the job sheet (派工单) the repair lead
 * gives the technician: one ticket, two audiences. Both show the customer, the product with its
 * proof of purchase and warranty, the fault and the goods as received, the plan and the parts;
 * the service form lists the charges and payments and ends with the terms and the signatures (and
 * says so when the form changed after signing), the job sheet leaves room for the work.
 */
import { SERVICE_TERMS, type PrintLanguage, type TicketPrintData } from '../../../db/api';
import { formatDate, formatDateTime, formatFen } from '../format';
import type { PrintT } from '../print-texts';
import { Letterhead, Sheet, SignatureBox } from '../sheet';
import { SignatureImage } from '../signature';
import { ChargesSection } from './charges-section';
import { SignedMark } from './signed-mark';

/** Intake fields shown in their own places; the rest are listed under "details". */
const PLACED = new Set([
  'fault',
  'whatHappened',
  'question',
  'content',
  'condition',
  'accessories',
  'address',
  'location',
  'model',
  'serial',
  'receiptNo',
  'purchaseDate',
  'channel',
  'category',
]);

function intakeValue(data: TicketPrintData, key: string): string {
  return data.intake.find((field) => field.key === key)?.value ?? '';
}

function Field({ label, value, wide = false }: { label: string; value: string; wide?: boolean }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={wide ? 'pf-wide' : undefined}>{value || '—'}</dd>
    </>
  );
}

function warrantyText(data: TicketPrintData, t: PrintT): string {
  const view = data.sanbao;
  if (view !== null && view.daysLeft !== null) {
    const days = view.daysLeft;
    if (view.status === 'return_window') return t('ticket.returnWindow', { date: formatDate(view.returnUntil), days });
    if (view.status === 'exchange_window')
      return t('ticket.exchangeWindow', { date: formatDate(view.exchangeUntil), days });
    if (view.status === 'in_warranty') return t('ticket.inWarrantyDays', { date: formatDate(view.warrantyEnd), days });
  }
  if (view !== null && view.status === 'expired' && view.warrantyEnd !== null)
    return t('ticket.expiredOn', { date: formatDate(view.warrantyEnd) });
  const end = data.purchase.warrantyEnd;
  if (data.inWarranty === null || end === null) return t('ticket.warrantyUnknown');
  return data.inWarranty ? t('ticket.inWarranty', { date: end }) : t('ticket.outOfWarranty', { date: end });
}

function detailValue(key: string, value: string, t: PrintT): string {
  if (value === 'true') return t('ticket.yes');
  if (value === 'false') return t('ticket.no');
  if (key === 'location' && (value === 'in_store' || value === 'on_site')) return t(`ticket.location.${value}`);
  if (key === 'wants' && (value === 'replace' || value === 'repair' || value === 'refund'))
    return t(`ticket.remedy.${value}`);
  if (key === 'promisedReplyAt') return formatDateTime(value);
  return value;
}

function CustomerAndProduct({ data, t, language }: { data: TicketPrintData; t: PrintT; language: PrintLanguage }) {
  const { customer, purchase } = data;
  const category = purchase.category ? (language === 'zh-CN' ? purchase.category.zh : purchase.category.en) : '';
  return (
    <>
      <section className="pf-section pf-keep">
        <h2>{t('ticket.customer')}</h2>
        <dl className="pf-fields">
          <Field label={t('ticket.name')} value={customer.name} />
          <Field label={t('ticket.phone')} value={customer.phones.join(', ')} />
          <Field label={t('ticket.address')} value={customer.address} wide />
        </dl>
      </section>
      <section className="pf-section pf-keep">
        <h2>{t('ticket.product')}</h2>
        <dl className="pf-fields">
          <Field label={t('ticket.category')} value={category} />
          <Field label={t('ticket.brandModel')} value={[purchase.brand, purchase.model].filter(Boolean).join(' ')} />
          <Field label={t('ticket.serial')} value={purchase.serial} />
          <Field label={t('ticket.receiptNo')} value={purchase.receiptNo} />
          <Field label={t('ticket.purchaseDate')} value={formatDate(purchase.purchaseDate)} />
          <Field label={t('ticket.purchaseStore')} value={purchase.purchaseStore} />
          <Field label={t('ticket.warranty')} value={warrantyText(data, t)} wide />
        </dl>
      </section>
    </>
  );
}

function FaultAndPlan({ data, t }: { data: TicketPrintData; t: PrintT }) {
  const fault =
    intakeValue(data, 'fault') ||
    intakeValue(data, 'whatHappened') ||
    intakeValue(data, 'question') ||
    intakeValue(data, 'content') ||
    data.ticket.summary;
  const details = data.intake.filter((field) => !PLACED.has(field.key) && field.value !== '');
  const inStore = intakeValue(data, 'location') !== 'on_site';
  return (
    <>
      <section className="pf-section pf-keep">
        <h2>{t('ticket.fault')}</h2>
        <p className="pf-text">{fault}</p>
        <dl className="pf-fields" style={{ marginTop: '1.5mm' }}>
          {/* What came in over the counter; an on-site repair leaves nothing at the store. */}
          {(inStore || intakeValue(data, 'condition')) && (
            <Field label={t('ticket.condition')} value={intakeValue(data, 'condition')} wide />
          )}
          {(inStore || intakeValue(data, 'accessories')) && (
            <Field label={t('ticket.accessories')} value={intakeValue(data, 'accessories')} wide />
          )}
          {details.map((field) => (
            <Field
              key={field.key}
              label={t(`ticket.intakeKey.${field.key}`, { defaultValue: field.key })}
              value={detailValue(field.key, field.value, t)}
              wide
            />
          ))}
        </dl>
      </section>
      <section className="pf-section pf-keep">
        <h2>{t('ticket.plan')}</h2>
        <dl className="pf-fields">
          {data.plan && (
            <Field
              label={t('ticket.plan')}
              value={`${data.plan.remedy ? `${t(`ticket.remedy.${data.plan.remedy}`, { defaultValue: data.plan.remedy })}: ` : ''}${data.plan.details}`}
              wide
            />
          )}
          <Field label={t('ticket.technician')} value={data.technician ?? ''} />
          <Field label={t('ticket.plannedDate')} value={formatDate(data.plannedDate)} />
          <Field label={t('ticket.appointment')} value={formatDateTime(data.appointmentAt)} />
          <Field label={t('ticket.promised')} value={formatDateTime(data.promisedAt)} />
        </dl>
      </section>
    </>
  );
}

/** The parts issued to the job, as the ledger has them; its money is in the charges below it. */
function PartsUsed({ data, t }: { data: TicketPrintData; t: PrintT }) {
  return (
    <section className="pf-section" data-section="parts">
      <h2>{t('ticket.partsUsed')}</h2>
      <table className="pf-lines">
        <thead>
          <tr>
            <th style={{ width: '7mm' }}>#</th>
            <th style={{ width: '30mm' }}>{t('ticket.partNo')}</th>
            <th>{t('ticket.description')}</th>
            <th className="pf-num">{t('ticket.qty')}</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((line, i) => (
            <tr key={`${line.partNo}-${i}`}>
              <td className="pf-num">{i + 1}</td>
              <td>{line.partNo}</td>
              <td>{line.description}</td>
              <td className="pf-num">
                {line.qty} {line.unit}
              </td>
            </tr>
          ))}
          {data.lines.length === 0 && (
            <tr>
              <td colSpan={4}>{t('ticket.noParts')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

/** The technician's copy: parts at price, and labour and the total left to write in by hand. */
function PartsLines({ data, t }: { data: TicketPrintData; t: PrintT }) {
  return (
    <section className="pf-section">
      <h2>{t('ticket.lines')}</h2>
      <table className="pf-lines">
        <thead>
          <tr>
            <th style={{ width: '7mm' }}>#</th>
            <th style={{ width: '30mm' }}>{t('ticket.partNo')}</th>
            <th>{t('ticket.description')}</th>
            <th className="pf-num">{t('ticket.qty')}</th>
            <th className="pf-num">{t('ticket.unitPrice')}</th>
            <th className="pf-num">{t('ticket.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((line, i) => (
            <tr key={`${line.partNo}-${i}`}>
              <td className="pf-num">{i + 1}</td>
              <td>{line.partNo}</td>
              <td>{line.description}</td>
              <td className="pf-num">
                {line.qty} {line.unit}
              </td>
              <td className="pf-num">{formatFen(line.unitFen)}</td>
              <td className="pf-num">{formatFen(line.amountFen)}</td>
            </tr>
          ))}
          {data.lines.length === 0 && (
            <tr>
              <td colSpan={6}>{t('ticket.noParts')}</td>
            </tr>
          )}
          {/* Labour has no price in the ticket: the technician writes it, and so the total, in. */}
          <tr>
            <td colSpan={5} className="pf-blank">
              {t('ticket.labour')}
            </td>
            <td className="pf-blank" />
          </tr>
          <tr>
            <td colSpan={5}>{t('ticket.partsTotal')}</td>
            <td className="pf-num">{formatFen(data.partsTotalFen)}</td>
          </tr>
          <tr>
            <td colSpan={5} className="pf-blank">
              <strong>{t('ticket.total')}</strong>
            </td>
            <td className="pf-blank" />
          </tr>
        </tbody>
      </table>
    </section>
  );
}

type TicketSheetProps = {
  data: TicketPrintData;
  variant: 'service-form' | 'job-sheet';
  copyNo: number;
  t: PrintT;
  language: PrintLanguage;
};

export function TicketSheet({ data, variant, copyNo, t, language }: TicketSheetProps) {
  const letterhead = (
    <Letterhead store={data.store} title={t(`form.${variant}`)} number={data.ticket.number} copyNo={copyNo} t={t} qr />
  );
  const received = `${formatDateTime(data.ticket.createdAt)}${data.ticket.createdByName ? ` · ${data.ticket.createdByName}` : ''}`;
  return (
    <Sheet letterhead={letterhead}>
      <dl className="pf-fields">
        <Field
          label={t('ticket.ticketType')}
          value={t(`ticket.type.${data.ticket.type}`, { defaultValue: data.ticket.type })}
        />
        <Field label={t('ticket.received')} value={received} />
        <Field
          label={t('ticket.priorityLabel')}
          value={t(`ticket.priority.${data.ticket.priority}`, { defaultValue: data.ticket.priority })}
        />
        <Field
          label={t('ticket.intakeKey.location')}
          value={detailValue('location', intakeValue(data, 'location'), t)}
        />
      </dl>
      <CustomerAndProduct data={data} t={t} language={language} />
      <FaultAndPlan data={data} t={t} />
      {variant === 'service-form' ? (
        <>
          <PartsUsed data={data} t={t} />
          <ChargesSection charges={data.charges} t={t} />
          <ServiceFormEnd data={data} t={t} language={language} />
        </>
      ) : (
        <>
          <PartsLines data={data} t={t} />
          <JobSheetEnd data={data} t={t} />
        </>
      )}
    </Sheet>
  );
}

function ServiceFormEnd({ data, t, language }: { data: TicketPrintData; t: PrintT; language: PrintLanguage }) {
  // The terms the customer signs (db/tickets/service-terms.ts), in the form's language.
  const terms = language === 'zh-CN' ? SERVICE_TERMS.zh : SERVICE_TERMS.en;
  const signature = data.signature;
  return (
    <>
      {(data.workDone || data.result) && (
        <section className="pf-section pf-keep">
          <h2>{t('ticket.workDone')}</h2>
          <p className="pf-text">{data.workDone}</p>
          {data.result && <p className="pf-text">{`${t('ticket.result')}: ${data.result}`}</p>}
        </section>
      )}
      <section className="pf-section pf-keep">
        <h2>{t('ticket.terms')}</h2>
        <ol className="pf-terms">
          {terms.map((term) => (
            <li key={term}>{term}</li>
          ))}
        </ol>
      </section>
      <div className="pf-signatures pf-two">
        <div>
          <SignatureBox
            label={t('ticket.customerSignature')}
            name={
              signature
                ? t('ticket.signedBy', { name: signature.signerName, at: formatDateTime(signature.signedAt) })
                : null
            }
          >
            {signature && (
              <span className={signature.matches ? undefined : 'pf-faded'}>
                <SignatureImage signature={signature} heightMm={13} label={signature.signerName} />
              </span>
            )}
          </SignatureBox>
          {signature && <SignedMark signature={signature} t={t} />}
        </div>
        <SignatureBox label={t('ticket.staffSignature')} name={data.ticket.createdByName} />
      </div>
    </>
  );
}

function JobSheetEnd({ data, t }: { data: TicketPrintData; t: PrintT }) {
  return (
    <>
      <section className="pf-section pf-keep">
        <h2>{t('ticket.workNotes')}</h2>
        <div className="pf-box pf-text">{data.workDone}</div>
      </section>
      <div className="pf-signatures pf-two">
        <SignatureBox label={t('ticket.technicianSignature')} name={data.technician} />
        <SignatureBox label={t('ticket.customerConfirms')} />
      </div>
    </>
  );
}
