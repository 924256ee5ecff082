/**
 * The return note (退货单, docs/DOMAIN.md §7): what goes back to which supplier and why, at what cost,
 * how it shipped and what the supplier credited; signed by who wrote it, who shipped it, the carrier
 * and the supplier on receipt. A4.
 */
import type { SupplierReturnPrintData } from '../../../db/api';
import { formatDateTime, formatFen } from '../format';
import type { PrintT } from '../print-texts';
import { Letterhead, Sheet, SignatureBox } from '../sheet';

export function SupplierReturnNote({ data, copyNo, t }: { data: SupplierReturnPrintData; copyNo: number; t: PrintT }) {
  const r = data.supplierReturn;
  const letterhead = (
    <Letterhead store={data.store} title={t('form.supplier-return')} number={r.number} copyNo={copyNo} t={t} />
  );
  const contact = [data.supplier.contact, data.supplier.phone].filter(Boolean).join(' ');
  return (
    <Sheet letterhead={letterhead}>
      <dl className="pf-fields">
        <dt>{t('supplierReturn.supplier')}</dt>
        <dd>{data.supplier.name}</dd>
        <dt>{t('supplierReturn.contact')}</dt>
        <dd>{contact || '—'}</dd>
        <dt>{t('supplierReturn.source')}</dt>
        <dd>
          {t(`supplierReturn.sources.${r.source}`)}
          {r.receipt ? ` · ${t('supplierReturn.receipt')} ${r.receipt.number}` : ''}
        </dd>
        <dt>{t('supplierReturn.status')}</dt>
        <dd>{t(`supplierReturn.statuses.${r.status}`)}</dd>
        <dt>{t('supplierReturn.location')}</dt>
        <dd>{r.locationCode}</dd>
        <dt>{t('supplierReturn.agreement')}</dt>
        <dd>{r.agreementRef || '—'}</dd>
        {r.source === 'stock' && r.reason ? (
          <>
            <dt>{t('supplierReturn.reason')}</dt>
            <dd className="pf-wide pf-text">{r.reason}</dd>
          </>
        ) : null}
        {r.shipped ? (
          <>
            <dt>{t('supplierReturn.shipped')}</dt>
            <dd className="pf-wide">
              {t('supplierReturn.shippedLine', {
                on: r.shipped.on,
                carrier: r.shipped.carrier,
                waybill: r.shipped.waybillNo,
              })}
            </dd>
          </>
        ) : null}
        {r.credited ? (
          <>
            <dt>{t('supplierReturn.credit')}</dt>
            <dd className="pf-wide">
              {t('supplierReturn.creditLine', {
                no: r.credited.creditNoteNo,
                amount: formatFen(r.credited.creditFen),
              })}
            </dd>
          </>
        ) : null}
        {r.cancelled ? (
          <>
            <dt>{t('supplierReturn.cancelled')}</dt>
            <dd className="pf-wide pf-text">{r.cancelled.reason}</dd>
          </>
        ) : null}
      </dl>
      <table className="pf-lines" style={{ marginTop: '3mm' }}>
        <thead>
          <tr>
            <th style={{ width: '7mm' }}>#</th>
            <th>{t('ticket.partNo')}</th>
            <th>{t('requisition.name')}</th>
            <th>{t('requisition.unit')}</th>
            <th className="pf-num">{t('ticket.qty')}</th>
            <th className="pf-num">{t('supplierReturn.unitCost')}</th>
            <th className="pf-num">{t('supplierReturn.amount')}</th>
            <th>{t('supplierReturn.lineReason')}</th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((line, i) => (
            <tr key={line.partId}>
              <td className="pf-num">{i + 1}</td>
              <td>{line.partNo}</td>
              <td>{line.partName}</td>
              <td>{line.unit}</td>
              <td className="pf-num">{line.qty}</td>
              <td className="pf-num">{line.unitCostFen === null ? '' : formatFen(line.unitCostFen)}</td>
              <td className="pf-num">{line.unitCostFen === null ? '' : formatFen(line.qty * line.unitCostFen)}</td>
              <td className="pf-text">{line.reason}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6}>{t('supplierReturn.total')}</td>
            <td className="pf-num">{formatFen(r.valueFen)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <div className="pf-signatures pf-two">
        <SignatureBox
          label={t('supplierReturn.writtenBy')}
          name={r.createdByName ?? undefined}
          at={formatDateTime(r.createdAt)}
        />
        <SignatureBox
          label={t('supplierReturn.shippedBy')}
          name={r.shipped?.byName ?? undefined}
          at={formatDateTime(r.shipped?.at)}
        />
        <SignatureBox label={t('supplierReturn.carrierSign')} />
        <SignatureBox label={t('supplierReturn.supplierSign')} />
      </div>
    </Sheet>
  );
}
