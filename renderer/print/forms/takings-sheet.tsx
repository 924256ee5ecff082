/**
 * The day's takings hand-over sheet (收款交班单), A4: the store's totals per payment method, then per
 * counter PC and per staff member, every entry of the day, a line for the cash counted in the
 * drawer, and the signatures of who hands over and who receives. Refunds count against takings.
 */
import { PAYMENT_METHODS, type TakingsPrintData, type TakingsTotals } from '../../../db/api';
import { formatDateTime, formatFen } from '../format';
import type { PrintT } from '../print-texts';
import { Letterhead, Sheet, SignatureBox } from '../sheet';

type Row = TakingsTotals & { key: string; label: string };

function TotalsTable({ rows, first, t }: { rows: ReadonlyArray<Row>; first: string; t: PrintT }) {
  return (
    <table className="pf-lines">
      <thead>
        <tr>
          <th>{first}</th>
          {PAYMENT_METHODS.map((m) => (
            <th key={m} className="pf-num">
              {t(`takings.methods.${m}`)}
            </th>
          ))}
          <th className="pf-num">{t('takings.received')}</th>
          <th className="pf-num">{t('takings.refunded')}</th>
          <th className="pf-num">{t('takings.net')}</th>
          <th className="pf-num">{t('takings.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{row.label}</td>
            {PAYMENT_METHODS.map((m) => (
              <td key={m} className="pf-num">
                {formatFen(row.byMethod[m])}
              </td>
            ))}
            <td className="pf-num">{formatFen(row.receivedFen)}</td>
            <td className="pf-num">{formatFen(row.refundedFen)}</td>
            <td className="pf-num">
              <strong>{formatFen(row.netFen)}</strong>
            </td>
            <td className="pf-num">{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TakingsSheet({ data, copyNo, t }: { data: TakingsPrintData; copyNo: number; t: PrintT }) {
  const letterhead = (
    <Letterhead store={data.store} title={t('form.takings-handover')} number={data.number} copyNo={copyNo} t={t} />
  );
  const devices: Row[] = data.byDevice.map((d) => ({ ...d, key: d.deviceId, label: d.deviceId }));
  const staff: Row[] = data.byStaff.map((s) => ({ ...s, key: s.staffId ?? '-', label: s.name ?? t('sheet.none') }));
  return (
    <Sheet letterhead={letterhead}>
      <dl className="pf-fields">
        <dt>{t('takings.day')}</dt>
        <dd>{data.date}</dd>
        <dt>{t('takings.timeZone')}</dt>
        <dd>{data.timeZone}</dd>
        <dt>{t('takings.printedBy')}</dt>
        <dd>{formatDateTime(data.printedAt)}</dd>
      </dl>
      <section className="pf-section">
        <h2>{t('takings.total')}</h2>
        <TotalsTable rows={[{ ...data.total, key: 'total', label: t('takings.total') }]} first="" t={t} />
      </section>
      {devices.length > 0 && (
        <section className="pf-section">
          <h2>{t('takings.byDevice')}</h2>
          <TotalsTable rows={devices} first={t('takings.counter')} t={t} />
        </section>
      )}
      {staff.length > 0 && (
        <section className="pf-section">
          <h2>{t('takings.byStaff')}</h2>
          <TotalsTable rows={staff} first={t('takings.staff')} t={t} />
        </section>
      )}
      <section className="pf-section">
        <h2>{t('takings.entries')}</h2>
        {data.payments.length === 0 ? (
          <p>{t('takings.none')}</p>
        ) : (
          <table className="pf-lines">
            <thead>
              <tr>
                <th>{t('takings.time')}</th>
                <th>{t('takings.ticket')}</th>
                <th>{t('takings.kind')}</th>
                <th>{t('takings.method')}</th>
                <th className="pf-num">{t('takings.amount')}</th>
                <th>{t('takings.counter')}</th>
                <th>{t('takings.staff')}</th>
              </tr>
            </thead>
            <tbody>
              {data.payments.map((p) => (
                <tr key={p.id}>
                  <td>{formatDateTime(p.takenAt)}</td>
                  <td>{p.ticketNumber}</td>
                  <td>{t(`takings.kinds.${p.kind}`)}</td>
                  <td>{t(`takings.methods.${p.method}`)}</td>
                  <td className="pf-num">{formatFen(p.kind === 'refund' ? -p.amountFen : p.amountFen)}</td>
                  <td>{p.deviceId}</td>
                  <td>{p.takenByName ?? t('sheet.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data.more && <p>{t('takings.more')}</p>}
      </section>
      <div className="pf-signatures pf-two">
        <SignatureBox
          label={`${t('takings.cashCounted')} (${t('takings.methods.cash')} ${formatFen(data.total.byMethod.cash)})`}
        />
        <div />
        <SignatureBox label={t('takings.handedOverBy')} />
        <SignatureBox label={t('takings.receivedBy')} />
      </div>
    </Sheet>
  );
}
