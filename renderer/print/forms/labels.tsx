/**
 * The three labels: a part's (配件标签), a bin's (货位标签) and the tag on a customer's goods
 * (送修物品标签). Each is drawn for any label size; LabelSheet puts them on the paper.
 */
import type {
  BinLabel as BinLabelData,
  BinLabelPrintData,
  GoodsTagPrintData,
  PartLabelPrintData,
  Paper,
} from '../../../db/api';
import { formatDate } from '../format';
import type { PrintT } from '../print-texts';
import { QrCode } from '../qr-code';
import { LabelBarcode, LabelSheet, labelMm } from './label-sheet';

/** Inner margin of a label: thermal heads and die-cut sheets both lose about this much at the edge. */
const PAD_MM = 1.5;

export function PartLabels({ data, paper, t }: { data: PartLabelPrintData; paper: Paper; t: PrintT }) {
  const size = labelMm(paper);
  const { part } = data;
  const label = (
    <div className="pf-label-body" style={{ padding: `${PAD_MM}mm` }}>
      <LabelBarcode text={part.partNo} widthMm={size.width - 2 * PAD_MM} heightMm={size.height * 0.36} />
      <div className="pf-label-strong">{part.partNo}</div>
      <div className="pf-label-line">{part.spec ? `${part.name} ${part.spec}` : part.name}</div>
      <div className="pf-label-line">
        {t('label.bin')} <strong>{part.bin || t('label.noBin')}</strong> · {part.unit}
      </div>
    </div>
  );
  return <LabelSheet paper={paper} labels={Array.from({ length: data.count }, () => label)} />;
}

function BinLabel({
  label,
  data,
  paper,
  t,
}: {
  label: BinLabelData;
  data: BinLabelPrintData;
  paper: Paper;
  t: PrintT;
}) {
  const size = labelMm(paper);
  return (
    <div className="pf-label-body" style={{ padding: `${PAD_MM}mm` }}>
      <div className="pf-label-head">
        <span className="pf-label-big">{label.bin}</span>
        <span className="pf-label-line">{data.location.code}</span>
      </div>
      <LabelBarcode text={label.code} widthMm={size.width - 2 * PAD_MM} heightMm={size.height * 0.3} />
      {label.parts.length === 0 ? (
        <div className="pf-label-line">{t('label.empty')}</div>
      ) : (
        label.parts.map((part) => (
          <div key={part.partNo} className="pf-label-line pf-label-small">
            {part.partNo} {part.name}
          </div>
        ))
      )}
      {label.moreParts > 0 && <div className="pf-label-small">{t('label.moreParts', { n: label.moreParts })}</div>}
    </div>
  );
}

export function BinLabels({ data, paper, t }: { data: BinLabelPrintData; paper: Paper; t: PrintT }) {
  return (
    <LabelSheet
      paper={paper}
      labels={data.labels.map((label) => (
        <BinLabel key={label.code} label={label} data={data} paper={paper} t={t} />
      ))}
    />
  );
}

function GoodsTag({ data, paper, t, n }: { data: GoodsTagPrintData; paper: Paper; t: PrintT; n: number }) {
  const size = labelMm(paper);
  const qrMm = Math.min(size.height * 0.42, 15);
  const { ticket, customer } = data;
  return (
    <div className="pf-label-body" style={{ padding: `${PAD_MM}mm` }}>
      <LabelBarcode text={ticket.number} widthMm={size.width - 2 * PAD_MM} heightMm={size.height * 0.22} />
      {/* The number under its barcode, whole on one line: the counter reads it out when the code will not scan. */}
      <div className="pf-label-strong pf-label-small pf-label-number">{ticket.number}</div>
      <div className="pf-label-row">
        <QrCode text={ticket.number} sizeMm={qrMm} label={ticket.number} />
        <div className="pf-label-text">
          <div className="pf-label-line">
            {customer.surname} {customer.phone}
          </div>
          <div className="pf-label-line pf-label-small">
            {t('label.takenIn')} {formatDate(ticket.createdAt)}
          </div>
          {ticket.product && <div className="pf-label-line pf-label-small">{ticket.product}</div>}
          {data.count > 1 && <div className="pf-label-small">{t('label.pieceOf', { n, count: data.count })}</div>}
        </div>
      </div>
    </div>
  );
}

export function GoodsTags({ data, paper, t }: { data: GoodsTagPrintData; paper: Paper; t: PrintT }) {
  return (
    <LabelSheet
      paper={paper}
      labels={Array.from({ length: data.count }, (_, i) => (
        <GoodsTag key={i} data={data} paper={paper} t={t} n={i + 1} />
      ))}
    />
  );
}
