/**
 * The 80 mm payment receipt (收款凭条): the ticket's charge lines, the charges total, every
 * deposit, payment and refund by method, what was paid and the balance due, exact to the fen as
 * the ledger has them (db/charges/summary.ts). One column, like the intake receipt.
 */
import type { TicketPrintData } from '../../../db/api';
import { Barcode } from '../barcode';
import { formatDateTime, formatFen } from '../format';
import type { PrintT } from '../print-texts';
import { CopyMark } from '../sheet';

function Row({ label, amount, strong = false }: { label: string; amount: number; strong?: boolean }) {
  const text = formatFen(amount);
  return (
    <div className="pf-receipt-row">
      <span>{strong ? <strong>{label}</strong> : label}</span>
      <span className="pf-receipt-amount">{strong ? <strong>{text}</strong> : text}</span>
    </div>
  );
}

export function PaymentReceipt({ data, copyNo, t }: { data: TicketPrintData; copyNo: number; t: PrintT }) {
  const { charges } = data;
  const owed = charges.balanceFen < 0;
  return (
    <div className="pf-receipt">
      <div className="pf-receipt-centre">
        <div className="pf-store-name">{data.store.name}</div>
        <h1 className="pf-title">{t('form.payment-receipt')}</h1>
        <CopyMark copyNo={copyNo} t={t} />
        <div className="pf-number" style={{ fontSize: '11pt', fontWeight: 700, marginTop: '1mm' }}>
          {data.ticket.number}
        </div>
        <div>
          <Barcode text={data.ticket.number} heightMm={8} moduleMm={0.25} label={data.ticket.number} />
        </div>
      </div>
      <div>{`${t('ticket.customer')}: ${data.customer.name}`}</div>
      <div className="pf-rule" />
      <section data-section="charges">
        {charges.lines.map((line) => (
          <div key={line.id}>
            <div>
              {`${t(`money.kind.${line.kind}`)} · ${line.description}`}
              {line.covered && ` (${t('money.covered')})`}
            </div>
            {line.kind === 'discount' && line.reason && (
              <div className="pf-sign-note">{t('money.reason', { reason: line.reason })}</div>
            )}
            <div className="pf-receipt-row">
              <span>{line.kind === 'discount' ? '' : `${line.quantity} × ${formatFen(line.unitPriceFen)}`}</span>
              <span className="pf-receipt-amount">{formatFen(line.amountFen)}</span>
            </div>
          </div>
        ))}
        {charges.lines.length === 0 && <div>{t('money.noCharges')}</div>}
        <div className="pf-rule" />
        {charges.coveredFen > 0 && <Row label={t('money.coveredTotal')} amount={charges.coveredFen} />}
        <Row label={t('money.charges')} amount={charges.chargesFen} strong />
      </section>
      <div className="pf-rule" />
      <section data-section="payments">
        <div>
          <strong>{t('money.payments')}</strong>
        </div>
        {charges.payments.map((payment) => (
          <div key={payment.id}>
            <div className="pf-receipt-row">
              <span>{`${t(`money.paymentKind.${payment.kind}`)} · ${t(`money.method.${payment.method}`)}`}</span>
              <span className="pf-receipt-amount">
                {formatFen(payment.kind === 'refund' ? -payment.amountFen : payment.amountFen)}
              </span>
            </div>
            <div className="pf-sign-note">
              {formatDateTime(payment.takenAt)}
              {payment.reason && ` · ${t('money.reason', { reason: payment.reason })}`}
            </div>
          </div>
        ))}
        {charges.payments.length === 0 && <div>{t('money.noPayments')}</div>}
        <div className="pf-rule" />
        <Row label={t('money.paid')} amount={charges.paidFen} />
        <Row label={owed ? t('money.owed') : t('money.balance')} amount={Math.abs(charges.balanceFen)} strong />
      </section>
      <div className="pf-rule" />
      <p>{t('money.thanks')}</p>
      <div className="pf-receipt-centre" style={{ marginTop: '2mm' }}>
        {data.store.phone && <div style={{ fontWeight: 700 }}>{t('sheet.tel', { phone: data.store.phone })}</div>}
        {data.store.address && <div>{data.store.address}</div>}
      </div>
    </div>
  );
}
