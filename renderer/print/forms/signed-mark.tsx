/**
 * Under the customer's signature on a printed service form: nothing while the form is the one
 * signed; otherwise a boxed "签名后内容已更改 / Changed after signing" with what changed, so the
 * paper never presents an old signature as covering the current content. A lead's recorded reason
 * is printed with who and when.
 */
import type { TicketPrintData } from '../../../db/api';
import { changeText } from '../form-changes';
import { formatDateTime } from '../format';
import type { PrintT } from '../print-texts';

/** A printed form lists this many changes; the rest are summed up in "and more". */
const PRINTED_CHANGES = 8;

export function SignedMark({ signature, t }: { signature: NonNullable<TicketPrintData['signature']>; t: PrintT }) {
  if (signature.matches) return null;
  const shown = signature.changes.slice(0, PRINTED_CHANGES);
  return (
    <div className="pf-changed" role="alert" data-signed="changed">
      <strong>{t('signed.changed')}</strong>
      <p>
        {signature.acceptance
          ? t('signed.accepted', {
              name: signature.acceptance.staffName ?? '—',
              at: formatDateTime(signature.acceptance.at),
              reason: signature.acceptance.reason,
            })
          : t('signed.changedNote')}
      </p>
      <ul>
        {shown.map((change, i) => (
          <li key={i}>{changeText(change, t)}</li>
        ))}
        {signature.changes.length > shown.length && <li>{t('signed.more')}</li>}
      </ul>
    </div>
  );
}
