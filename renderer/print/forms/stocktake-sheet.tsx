/**
 * The stocktake count sheet (盘点表): the parts to count in shelf order, with an empty column for
 * the counted quantity. A blind count: the book quantity is not printed, so the count is not
 * nudged towards it (docs/DOMAIN.md §7: differences are explained, not hidden).
 */
import type { StocktakePrintData } from '../../../db/api';
import { formatDateTime } from '../format';
import type { PrintT } from '../print-texts';
import { Letterhead, Sheet, SignatureBox } from '../sheet';

export function StocktakeSheet({ data, copyNo, t }: { data: StocktakePrintData; copyNo: number; t: PrintT }) {
  const { stocktake } = data;
  const letterhead = (
    <Letterhead store={data.store} title={t('form.stocktake-sheet')} number={stocktake.number} copyNo={copyNo} t={t} />
  );
  return (
    <Sheet letterhead={letterhead}>
      <dl className="pf-fields">
        <dt>{t('stocktake.location')}</dt>
        <dd>{stocktake.location || '—'}</dd>
        <dt>{t('stocktake.binPrefix')}</dt>
        <dd>{stocktake.binPrefix || t('stocktake.allBins')}</dd>
        <dt>{t('stocktake.status')}</dt>
        <dd>{t(`stocktake.statuses.${stocktake.status}`, { defaultValue: stocktake.status })}</dd>
        <dt>{t('stocktake.startedBy')}</dt>
        <dd>{stocktake.startedBy ? `${stocktake.startedBy.name} ${formatDateTime(stocktake.startedBy.at)}` : '—'}</dd>
        {stocktake.note && (
          <>
            <dt>{t('requisition.note')}</dt>
            <dd className="pf-wide pf-text">{stocktake.note}</dd>
          </>
        )}
      </dl>
      <table className="pf-lines" style={{ marginTop: '3mm' }}>
        <thead>
          <tr>
            <th style={{ width: '9mm' }}>#</th>
            <th style={{ width: '20mm' }}>{t('requisition.bin')}</th>
            <th>{t('ticket.partNo')}</th>
            <th>{t('requisition.name')}</th>
            <th>{t('requisition.unit')}</th>
            <th className="pf-num" style={{ width: '22mm' }}>
              {t('stocktake.counted')}
            </th>
            <th style={{ width: '30mm' }}>{t('stocktake.remark')}</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((line, i) => (
            <tr key={`${line.partNo}-${i}`}>
              <td className="pf-num">{i + 1}</td>
              <td>{line.bin}</td>
              <td>{line.partNo}</td>
              <td>{line.spec ? `${line.name} ${line.spec}` : line.name}</td>
              <td>{line.unit}</td>
              <td className="pf-num">{line.countedQty ?? ''}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pf-signatures pf-two">
        <SignatureBox label={t('stocktake.countedBy')} />
        <SignatureBox label={t('stocktake.checkedBy')} />
      </div>
    </Sheet>
  );
}
