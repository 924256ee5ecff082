/**
 * The assessment ranking (考核排名表): a period's people by weighted total with their parts and
 * grade, for the manager to sign off the bonus decision. A lead's copy covers their group and says
 * so. Scores print with two decimals, exactly as the desk computed them (db/training/score.ts).
 */
import type { AssessmentRow, RankingPrintData } from '../../../db/api';
import { formatDate, formatDateTime } from '../format';
import type { PrintT } from '../print-texts';
import { CopyMark, Sheet, SignatureBox } from '../sheet';

const points = (x100: number | null) => (x100 === null ? '' : (x100 / 100).toFixed(2));

function Header({ data, copyNo, t }: { data: RankingPrintData; copyNo: number; t: PrintT }) {
  return (
    <header className="pf-letterhead">
      <div className="pf-store">
        <div className="pf-store-name">{data.store.name}</div>
        <div>{t('sheet.counter', { n: data.store.counterNo })}</div>
      </div>
      <div className="pf-heading">
        <h1 className="pf-title">{t('form.assessment-ranking')}</h1>
        <div className="pf-number">{data.period.name}</div>
      </div>
      <div className="pf-codes">
        <CopyMark copyNo={copyNo} t={t} />
        <div>{t('ranking.printedAt', { at: formatDateTime(data.printedAt) })}</div>
      </div>
    </header>
  );
}

function customers(row: AssessmentRow, t: PrintT): string {
  if (row.customerCount === 0) return row.spread ? t('ranking.spreadMark') : '';
  return `${points(row.customerX100)} (${row.customerCount})`;
}

export function RankingSheet({ data, copyNo, t }: { data: RankingPrintData; copyNo: number; t: PrintT }) {
  const { period, reach } = data;
  return (
    <Sheet letterhead={<Header data={data} copyNo={copyNo} t={t} />}>
      <dl className="pf-fields">
        <dt>{t('ranking.dates')}</dt>
        <dd>
          {formatDate(period.startsOn)} – {formatDate(period.endsOn)}
        </dd>
        <dt>{t('ranking.weights')}</dt>
        <dd>
          {t('ranking.weightsValue', {
            self: period.weightSelf,
            supervisor: period.weightSupervisor,
            customers: period.weightCustomers,
          })}
        </dd>
        <dt>{t('ranking.bands')}</dt>
        <dd>{t('ranking.bandsValue', { a: period.aGradeMin, b: period.bGradeMin })}</dd>
        <dt>{t('ranking.status')}</dt>
        <dd>
          {period.closedAt
            ? t('ranking.closed', { at: formatDateTime(period.closedAt), name: period.closedByName ?? '—' })
            : t('ranking.open')}
        </dd>
        <dt>{t('ranking.scope')}</dt>
        <dd>
          {reach.kind === 'group'
            ? t('ranking.scopeGroup', { group: t(`ranking.groups.${reach.group}`) })
            : t('ranking.scopeAll')}
        </dd>
      </dl>
      <table className="pf-lines" style={{ marginTop: '3mm' }}>
        <thead>
          <tr>
            <th className="pf-num" style={{ width: '12mm' }}>
              {t('ranking.rank')}
            </th>
            <th>{t('ranking.name')}</th>
            <th style={{ width: '22mm' }}>{t('ranking.group')}</th>
            <th className="pf-num" style={{ width: '16mm' }}>
              {t('ranking.self')}
            </th>
            <th className="pf-num" style={{ width: '20mm' }}>
              {t('ranking.supervisor')}
            </th>
            <th className="pf-num" style={{ width: '30mm' }}>
              {t('ranking.customers')}
            </th>
            <th className="pf-num" style={{ width: '20mm' }}>
              {t('ranking.total')}
            </th>
            <th style={{ width: '12mm' }}>{t('ranking.grade')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.staffId}>
              <td className="pf-num">{row.rank ?? ''}</td>
              <td>{row.name}</td>
              <td>{row.group ? t(`ranking.groups.${row.group}`) : ''}</td>
              <td className="pf-num">{row.selfScore ?? ''}</td>
              <td className="pf-num">{row.supervisorScore ?? ''}</td>
              <td className="pf-num">{customers(row, t)}</td>
              <td className="pf-num">
                {row.totalX100 === null
                  ? t('ranking.missing', {
                      parts: row.missing.map((part) => t(`ranking.parts.${part}`)).join(t('ranking.partsSeparator')),
                    })
                  : points(row.totalX100)}
              </td>
              <td>{row.grade ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="pf-terms" style={{ marginTop: '3mm' }}>
        {t('ranking.rules')}
      </p>
      <div className="pf-signatures pf-two">
        <SignatureBox label={t('ranking.approvedBy')} />
        <SignatureBox label={t('sheet.date')} />
      </div>
    </Sheet>
  );
}
