/**
 * The money on the A4 service form: every charge line (labour, parts at their price, covered lines
 * at ¥0.00 with what the warranty pays, discounts with their reason), the charges total, each
 * deposit, payment and refund by method, what was paid, and the balance due, all exact to the fen
 * (integer fen from db/charges/summary.ts; nothing is computed here but the row numbers).
 */
import type { TicketPrintData } from '../../../db/api';
import { formatDateTime, formatFen } from '../format';
import type { PrintT } from '../print-texts';

type Charges = TicketPrintData['charges'];

export function ChargesSection({ charges, t }: { charges: Charges; t: PrintT }) {
  return (
    <section className="pf-section" data-section="charges">
      <h2>{t('money.title')}</h2>
      <table className="pf-lines">
        <thead>
          <tr>
            <th style={{ width: '7mm' }}>#</th>
            <th>{t('money.item')}</th>
            <th className="pf-num">{t('ticket.qty')}</th>
            <th className="pf-num">{t('ticket.unitPrice')}</th>
            <th className="pf-num">{t('ticket.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {charges.lines.map((line, i) => (
            <tr key={line.id}>
              <td className="pf-num">{i + 1}</td>
              <td>
                {`${t(`money.kind.${line.kind}`)} · ${line.description}`}
                {line.covered && ` (${t('money.covered')})`}
                {line.reason && line.kind === 'discount' && ` — ${t('money.reason', { reason: line.reason })}`}
              </td>
              <td className="pf-num">{line.kind === 'discount' ? '' : line.quantity}</td>
              <td className="pf-num">{line.kind === 'discount' ? '' : formatFen(line.unitPriceFen)}</td>
              <td className="pf-num">{formatFen(line.amountFen)}</td>
            </tr>
          ))}
          {charges.lines.length === 0 && (
            <tr>
              <td colSpan={5}>{t('money.noCharges')}</td>
            </tr>
          )}
          {charges.coveredFen > 0 && (
            <tr>
              <td colSpan={4}>{t('money.coveredTotal')}</td>
              <td className="pf-num">{formatFen(charges.coveredFen)}</td>
            </tr>
          )}
          <tr>
            <td colSpan={4}>
              <strong>{t('money.charges')}</strong>
            </td>
            <td className="pf-num">
              <strong>{formatFen(charges.chargesFen)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <Payments charges={charges} t={t} />
    </section>
  );
}

function Payments({ charges, t }: { charges: Charges; t: PrintT }) {
  const owed = charges.balanceFen < 0;
  return (
    <table className="pf-lines" style={{ marginTop: '2mm' }}>
      <thead>
        <tr>
          <th>{t('money.payments')}</th>
          <th>{t('money.method_')}</th>
          <th>{t('money.takenAt')}</th>
          <th className="pf-num">{t('ticket.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {charges.payments.map((payment) => (
          <tr key={payment.id}>
            <td>
              {t(`money.paymentKind.${payment.kind}`)}
              {payment.reason && ` — ${t('money.reason', { reason: payment.reason })}`}
            </td>
            <td>{t(`money.method.${payment.method}`)}</td>
            <td>{formatDateTime(payment.takenAt)}</td>
            <td className="pf-num">{formatFen(payment.kind === 'refund' ? -payment.amountFen : payment.amountFen)}</td>
          </tr>
        ))}
        {charges.payments.length === 0 && (
          <tr>
            <td colSpan={4}>{t('money.noPayments')}</td>
          </tr>
        )}
        <tr>
          <td colSpan={3}>{t('money.paid')}</td>
          <td className="pf-num">{formatFen(charges.paidFen)}</td>
        </tr>
        <tr data-total="balance">
          <td colSpan={3}>
            <strong>{owed ? t('money.owed') : t('money.balance')}</strong>
          </td>
          <td className="pf-num">
            <strong>{formatFen(Math.abs(charges.balanceFen))}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
