/**
 * The purchase order (采购单) on A4, as the supplier receives it: the store and the supplier, the
 * contract number, where and by when to deliver, the lines at the agreed prices with the total in
 * yuan, who drafted and who approved it, and boxes for both sides' signatures and seals.
 */
import type { PurchaseOrderPrintData } from '../../../db/api';
import { formatDate, formatDateTime, formatFen } from '../format';
import type { PrintT } from '../print-texts';
import { Letterhead, Sheet, SignatureBox } from '../sheet';

export function PurchaseOrderSheet({ data, copyNo, t }: { data: PurchaseOrderPrintData; copyNo: number; t: PrintT }) {
  const { order } = data;
  const letterhead = (
    <Letterhead store={data.store} title={t('form.purchase-order')} number={order.number} copyNo={copyNo} t={t} />
  );
  return (
    <Sheet letterhead={letterhead}>
      <dl className="pf-fields">
        <dt>{t('purchaseOrder.supplier')}</dt>
        <dd>{order.supplierName}</dd>
        <dt>{t('purchaseOrder.contractNo')}</dt>
        <dd>{order.contractNo || '—'}</dd>
        <dt>{t('purchaseOrder.contact')}</dt>
        <dd>{[order.supplierContact, order.supplierPhone].filter(Boolean).join(' ') || '—'}</dd>
        <dt>{t('purchaseOrder.expectedOn')}</dt>
        <dd>{formatDate(order.expectedOn)}</dd>
        <dt>{t('purchaseOrder.deliverTo')}</dt>
        <dd>{`${data.store.name} · ${order.locationName}${data.store.address ? ` · ${data.store.address}` : ''}`}</dd>
        <dt>{t('purchaseOrder.status')}</dt>
        <dd>{t(`purchaseOrder.statuses.${order.status}`)}</dd>
        {order.note ? (
          <>
            <dt>{t('purchaseOrder.note')}</dt>
            <dd className="pf-wide pf-text">{order.note}</dd>
          </>
        ) : null}
      </dl>
      <table className="pf-lines" style={{ marginTop: '3mm' }}>
        <thead>
          <tr>
            <th style={{ width: '9mm' }}>#</th>
            <th style={{ width: '32mm' }}>{t('purchaseOrder.partNo')}</th>
            <th>{t('purchaseOrder.part')}</th>
            <th className="pf-num" style={{ width: '18mm' }}>
              {t('purchaseOrder.qty')}
            </th>
            <th style={{ width: '10mm' }}>{t('purchaseOrder.unit')}</th>
            <th className="pf-num" style={{ width: '26mm' }}>
              {t('purchaseOrder.unitPrice')}
            </th>
            <th className="pf-num" style={{ width: '28mm' }}>
              {t('purchaseOrder.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line, i) => (
            <tr key={line.id}>
              <td className="pf-num">{i + 1}</td>
              <td>{line.partNo}</td>
              <td>{line.spec ? `${line.partName} ${line.spec}` : line.partName}</td>
              <td className="pf-num">{line.orderedQty}</td>
              <td>{line.unit}</td>
              <td className="pf-num">{formatFen(line.unitPriceFen)}</td>
              <td className="pf-num">{formatFen(line.amountFen)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={6} style={{ textAlign: 'left' }}>
              {t('purchaseOrder.total')}
            </th>
            <th className="pf-num">{formatFen(order.totalFen)}</th>
          </tr>
        </tfoot>
      </table>
      <p className="pf-text" style={{ fontSize: '8.5pt' }}>
        {t('purchaseOrder.terms')}
      </p>
      <dl className="pf-fields">
        <dt>{t('purchaseOrder.createdBy')}</dt>
        <dd>{order.createdByName ? `${order.createdByName} ${formatDateTime(order.createdAt)}` : '—'}</dd>
        <dt>{t('purchaseOrder.approvedBy')}</dt>
        <dd>
          {order.approvedByName
            ? `${order.approvedByName} ${formatDateTime(order.approvedAt)}`
            : t('purchaseOrder.notApproved')}
        </dd>
      </dl>
      <div className="pf-signatures pf-two">
        <SignatureBox label={t('purchaseOrder.buyerSign')} />
        <SignatureBox label={t('purchaseOrder.supplierSign')} />
      </div>
    </Sheet>
  );
}
