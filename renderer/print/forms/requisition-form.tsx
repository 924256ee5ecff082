/**
 * The requisition form (配件领用单, docs/DOMAIN.md §7): the lines with requested, approved and issued
 * quantities (a rejected line marked as rejected, a reduced or rejected line with the lead's reason
 * under it), and the three signatures — technician, parts lead, the clerk who issued. A4 or A5.
 */
import { Fragment } from 'react';
import type { RequisitionPrintData } from '../../../db/api';
import { formatDateTime } from '../format';
import type { PrintT } from '../print-texts';
import { Letterhead, Sheet, SignatureBox } from '../sheet';

export function RequisitionForm({ data, copyNo, t }: { data: RequisitionPrintData; copyNo: number; t: PrintT }) {
  const { requisition } = data;
  const letterhead = (
    <Letterhead store={data.store} title={t('form.requisition')} number={requisition.number} copyNo={copyNo} t={t} />
  );
  return (
    <Sheet letterhead={letterhead}>
      <dl className="pf-fields">
        <dt>{t('requisition.ticket')}</dt>
        <dd>{requisition.ticketNumber ?? '—'}</dd>
        <dt>{t('requisition.status')}</dt>
        <dd>{t(`requisition.statuses.${requisition.status}`, { defaultValue: requisition.status })}</dd>
        <dt>{t('requisition.location')}</dt>
        <dd className="pf-wide">{requisition.location || '—'}</dd>
        {requisition.note && (
          <>
            <dt>{t('requisition.note')}</dt>
            <dd className="pf-wide pf-text">{requisition.note}</dd>
          </>
        )}
        {requisition.rejectReason && (
          <>
            <dt>{t('requisition.rejectReason')}</dt>
            <dd className="pf-wide pf-text">{requisition.rejectReason}</dd>
          </>
        )}
      </dl>
      <table className="pf-lines" style={{ marginTop: '3mm' }}>
        <thead>
          <tr>
            <th style={{ width: '7mm' }}>#</th>
            <th>{t('ticket.partNo')}</th>
            <th>{t('requisition.name')}</th>
            <th>{t('requisition.bin')}</th>
            <th>{t('requisition.unit')}</th>
            <th className="pf-num">{t('requisition.requested')}</th>
            <th className="pf-num">{t('requisition.approved')}</th>
            <th className="pf-num">{t('requisition.issued')}</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((line, i) => (
            <Fragment key={line.position}>
              <tr>
                <td className="pf-num">{i + 1}</td>
                <td>{line.partNo}</td>
                <td>{line.spec ? `${line.name} ${line.spec}` : line.name}</td>
                <td>{line.bin}</td>
                <td>{line.unit}</td>
                <td className="pf-num">{line.requestedQty}</td>
                <td className="pf-num">
                  {line.decision === 'rejected' ? (
                    <strong>{t('requisition.lineRejected')}</strong>
                  ) : (
                    (line.approvedQty ?? '')
                  )}
                </td>
                <td className="pf-num">{line.issuedQty > 0 ? line.issuedQty : ''}</td>
              </tr>
              {/* Why the lead gave less than asked, under the line it concerns. */}
              {(line.decision === 'reduced' || line.decision === 'rejected') && line.decisionReason ? (
                <tr>
                  <td />
                  <td colSpan={7} className="pf-text">
                    {t(line.decision === 'rejected' ? 'requisition.rejectedBecause' : 'requisition.reducedBecause', {
                      reason: line.decisionReason,
                    })}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      <div className="pf-signatures">
        <SignatureBox
          label={t('requisition.requestedBy')}
          name={data.requestedBy?.name}
          at={formatDateTime(data.requestedBy?.at)}
        />
        <SignatureBox
          label={t('requisition.decidedBy')}
          name={data.decidedBy?.name}
          at={formatDateTime(data.decidedBy?.at)}
        />
        <SignatureBox
          label={t('requisition.issuedBy')}
          name={data.issuedBy?.name}
          at={formatDateTime(data.issuedBy?.at)}
        />
      </div>
    </Sheet>
  );
}
