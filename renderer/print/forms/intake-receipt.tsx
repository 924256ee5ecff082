/**
 * The 80 mm thermal intake receipt (受理回执) the customer takes home: the ticket number as text,
 * QR code and barcode, what was received, the promised time and how to reach the store. One
 * column, large type for what matters, no page header: a receipt is a single slip.
 */
import type { PrintLanguage, TicketPrintData } from '../../../db/api';
import { Barcode } from '../barcode';
import { formatDateTime } from '../format';
import type { PrintT } from '../print-texts';
import { QrCode } from '../qr-code';
import { CopyMark } from '../sheet';

function intakeValue(data: TicketPrintData, key: string): string {
  return data.intake.find((field) => field.key === key)?.value ?? '';
}

function Entry({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className="pf-text">{value}</dd>
    </>
  );
}

export function IntakeReceipt({
  data,
  copyNo,
  t,
  language,
}: {
  data: TicketPrintData;
  copyNo: number;
  t: PrintT;
  language: PrintLanguage;
}) {
  const { purchase } = data;
  const category = purchase.category ? (language === 'zh-CN' ? purchase.category.zh : purchase.category.en) : '';
  const product = [category, purchase.brand, purchase.model].filter(Boolean).join(' ');
  const fault =
    intakeValue(data, 'fault') ||
    intakeValue(data, 'whatHappened') ||
    intakeValue(data, 'question') ||
    intakeValue(data, 'content') ||
    data.ticket.summary;
  return (
    <div className="pf-receipt">
      <div className="pf-receipt-centre">
        <div className="pf-store-name">{data.store.name}</div>
        <h1 className="pf-title">{t('form.intake-receipt')}</h1>
        <CopyMark copyNo={copyNo} t={t} />
        <div className="pf-number" style={{ fontSize: '11pt', fontWeight: 700, marginTop: '1mm' }}>
          {data.ticket.number}
        </div>
        <QrCode text={data.ticket.number} sizeMm={26} label={data.ticket.number} />
        <div>
          <Barcode text={data.ticket.number} heightMm={8} moduleMm={0.25} label={data.ticket.number} />
        </div>
      </div>
      <div className="pf-rule" />
      <dl>
        <Entry
          label={t('ticket.ticketType')}
          value={t(`ticket.type.${data.ticket.type}`, { defaultValue: data.ticket.type })}
        />
        <Entry
          label={t('ticket.received')}
          value={`${formatDateTime(data.ticket.createdAt)}${data.ticket.createdByName ? ` · ${data.ticket.createdByName}` : ''}`}
        />
        <Entry label={t('ticket.customer')} value={[data.customer.name, ...data.customer.phones].join('  ')} />
        <Entry label={t('ticket.brandModel')} value={product} />
        <Entry label={t('ticket.serial')} value={purchase.serial} />
        <Entry label={t('ticket.fault')} value={fault} />
        <Entry label={t('ticket.condition')} value={intakeValue(data, 'condition')} />
        <Entry label={t('ticket.accessories')} value={intakeValue(data, 'accessories')} />
        <Entry label={t('ticket.promised')} value={formatDateTime(data.promisedAt)} />
      </dl>
      <div className="pf-rule" />
      <p>{t('ticket.keepReceipt')}</p>
      {data.progressUrl && (
        <p className="pf-text" style={{ overflowWrap: 'anywhere' }}>
          {t('ticket.checkProgressAt', { url: data.progressUrl })}
        </p>
      )}
      <div className="pf-receipt-centre" style={{ marginTop: '2mm' }}>
        {data.store.phone && <div style={{ fontWeight: 700 }}>{t('sheet.tel', { phone: data.store.phone })}</div>}
        {data.store.address && <div>{data.store.address}</div>}
      </div>
    </div>
  );
}
