/**
 * The estimate (维修报价单) on A4: the job, one version's lines with covered lines at ¥0, the
 * totals, the validity, the terms, and either a box for the customer's signature or, once
 * decided, who decided how and when (with the signature redrawn when signed on screen).
 */
import type { EstimatePrintData } from '../../../db/api';
import { formatDate, formatDateTime, formatFen } from '../format';
import type { PrintT } from '../print-texts';
import { Letterhead, Sheet, SignatureBox } from '../sheet';
import { SignatureImage } from '../signature';

export function EstimateSheet({ data, copyNo, t }: { data: EstimatePrintData; copyNo: number; t: PrintT }) {
  const { ticket, estimate } = data;
  const decision = estimate.decision;
  const letterhead = (
    <Letterhead store={data.store} title={t('form.estimate')} number={ticket.number} copyNo={copyNo} t={t} />
  );
  return (
    <Sheet letterhead={letterhead}>
      <dl className="pf-fields">
        <dt>{t('estimate.customer')}</dt>
        <dd>{ticket.customerName}</dd>
        <dt>{t('estimate.version')}</dt>
        <dd>{`v${estimate.version}`}</dd>
        <dt>{t('estimate.product')}</dt>
        <dd>{ticket.product || '—'}</dd>
        <dt>{t('estimate.validUntil')}</dt>
        <dd>{formatDate(estimate.validUntil)}</dd>
        <dt>{t('estimate.fault')}</dt>
        <dd className="pf-wide pf-text">{ticket.fault}</dd>
        <dt>{t('estimate.status')}</dt>
        <dd>{t(`estimate.statuses.${estimate.status}`)}</dd>
      </dl>
      <table className="pf-lines" style={{ marginTop: '3mm' }}>
        <thead>
          <tr>
            <th style={{ width: '9mm' }}>#</th>
            <th style={{ width: '14mm' }}>{t('estimate.kind')}</th>
            <th>{t('estimate.description')}</th>
            <th className="pf-num" style={{ width: '12mm' }}>
              {t('estimate.qty')}
            </th>
            <th className="pf-num" style={{ width: '24mm' }}>
              {t('estimate.unitPrice')}
            </th>
            <th style={{ width: '14mm' }}>{t('estimate.coveredShort')}</th>
            <th className="pf-num" style={{ width: '26mm' }}>
              {t('estimate.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {estimate.lines.map((line, i) => (
            <tr key={i}>
              <td className="pf-num">{i + 1}</td>
              <td>{t(`estimate.kinds.${line.kind}`)}</td>
              <td>{line.partNo ? `${line.partNo} ${line.description}` : line.description}</td>
              <td className="pf-num">{line.quantity}</td>
              <td className="pf-num">{formatFen(line.unitPriceFen)}</td>
              <td>{line.covered ? '✓' : ''}</td>
              <td className="pf-num">{formatFen(line.amountFen)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6}>{t('estimate.covered')}</td>
            <td className="pf-num">{formatFen(estimate.coveredFen)}</td>
          </tr>
          <tr>
            <th colSpan={6} style={{ textAlign: 'left' }}>
              {t('estimate.total')}
            </th>
            <th className="pf-num">{formatFen(estimate.totalFen)}</th>
          </tr>
        </tfoot>
      </table>
      {estimate.note ? (
        <p className="pf-text">
          {t('estimate.note')}: {estimate.note}
        </p>
      ) : null}
      <p className="pf-text" style={{ fontSize: '8.5pt' }}>
        {t('estimate.terms')}
      </p>
      <div className="pf-signatures pf-two">
        {decision ? (
          <SignatureBox
            label={t('estimate.approval')}
            name={t('estimate.approvedBy', {
              decision: t(`estimate.decisions.${decision.decision}`),
              name: decision.customerName,
              method: t(`estimate.methods.${decision.method}`),
              at: formatDateTime(decision.decidedAt),
              staff: decision.recordedByName,
            })}
          >
            {decision.strokes && decision.width && decision.height ? (
              <SignatureImage
                signature={{
                  width: decision.width,
                  height: decision.height,
                  strokes: decision.strokes,
                }}
                heightMm={14}
                label={decision.customerName}
              />
            ) : null}
          </SignatureBox>
        ) : (
          <SignatureBox label={t('estimate.approval')} />
        )}
        <SignatureBox label={t('sheet.date')} />
      </div>
      <p className="pf-text" style={{ fontSize: '7pt', wordBreak: 'break-all' }}>
        {t('estimate.hash')}: {decision ? decision.estimateHash : '—'}
      </p>
    </Sheet>
  );
}
