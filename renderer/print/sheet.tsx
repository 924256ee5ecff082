/**
 * The frame every A4/A5 form is printed in: the letterhead (store, title, number, codes, copy
 * mark) in a table header that Chromium repeats on every page, and the body below it.
 */
import type { ReactNode } from 'react';
import type { PrintStoreHeader } from '../../db/api';
import { Barcode } from './barcode';
import { QrCode } from './qr-code';
import type { PrintT } from './print-texts';

export function CopyMark({ copyNo, t }: { copyNo: number; t: PrintT }) {
  if (copyNo <= 0) return null;
  return <span className="pf-copy">{copyNo === 1 ? t('sheet.copy') : t('sheet.copyNo', { n: copyNo })}</span>;
}

type LetterheadProps = {
  store: PrintStoreHeader;
  title: string;
  number: string;
  copyNo: number;
  t: PrintT;
  /** Tickets carry a QR code and a barcode of their number; parts documents the barcode only. */
  qr?: boolean;
};

export function Letterhead({ store, title, number, copyNo, t, qr = false }: LetterheadProps) {
  return (
    <header className="pf-letterhead">
      <div className="pf-store">
        <div className="pf-store-name">{store.name}</div>
        {store.address && <div>{store.address}</div>}
        <div>
          {store.phone && <span>{t('sheet.tel', { phone: store.phone })} · </span>}
          <span>{t('sheet.counter', { n: store.counterNo })}</span>
        </div>
      </div>
      <div className="pf-heading">
        <h1 className="pf-title">{title}</h1>
        <div className="pf-number">
          {t('sheet.number')} {number}
        </div>
      </div>
      <div className="pf-codes">
        <CopyMark copyNo={copyNo} t={t} />
        <div className="pf-codes-row">
          <Barcode text={number} heightMm={9} moduleMm={0.22} label={number} />
          {qr && <QrCode text={number} sizeMm={17} label={number} />}
        </div>
      </div>
    </header>
  );
}

export function Sheet({ letterhead, children }: { letterhead: ReactNode; children: ReactNode }) {
  return (
    <table className="pf-sheet">
      <thead>
        <tr>
          <td>{letterhead}</td>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{children}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** A signature block: label, a line to sign on (or what was captured), the name and time if known. */
export function SignatureBox({
  label,
  name,
  at,
  children,
}: {
  label: string;
  name?: string | null;
  at?: string | null;
  children?: ReactNode;
}) {
  return (
    <div>
      <div className="pf-sign-label">{label}</div>
      <div className="pf-sign-line">{children}</div>
      {(name || at) && (
        <div className="pf-sign-note">
          {name} {at}
        </div>
      )}
    </div>
  );
}
