/**
 * What changed on a signed service form since the customer signed it, in plain words in the
 * form's language: one line per change (db/tickets/signed-changes.ts). The ticket page, the
 * printed service form and the print preview all say it the same way.
 */
import type { FormChange, SignedChargeLine, SignedPart, SignedPayment } from '../../db/api';
import { formatFen } from './format';
import type { PrintT } from './print-texts';

function partText(part: SignedPart): string {
  return `${part.qty} ${part.unit} × ${part.description} (${part.partNo})`;
}

function lineText(line: SignedChargeLine, t: PrintT): string {
  const kind = t(`money.kind.${line.kind as 'labour'}`, { defaultValue: line.kind });
  const quantity = line.kind === 'discount' ? '' : `${line.quantity} × ${formatFen(line.unitPriceFen)} `;
  const covered = line.covered ? ` (${t('money.covered')})` : '';
  return `${kind} ${line.description} ${quantity}= ${formatFen(line.amountFen)}${covered}`;
}

function paymentText(payment: SignedPayment, t: PrintT): string {
  return `${t(`money.method.${payment.method as 'cash'}`, { defaultValue: payment.method })} ${formatFen(payment.amountFen)}`;
}

export function changeText(change: FormChange, t: PrintT): string {
  switch (change.kind) {
    case 'text': {
      const field = t(`signed.field.${change.field}`);
      // A reader who may not see the visit address learns that it changed, not what it says.
      if (change.field === 'address' && change.signed === '' && change.current === '')
        return t('signed.hidden', { field });
      return t('signed.text', { field, signed: change.signed || '—', current: change.current || '—' });
    }
    case 'part':
      if (change.signed === null) return t('signed.partAdded', { part: partText(change.current!) });
      if (change.current === null) return t('signed.partRemoved', { part: partText(change.signed) });
      return t('signed.partChanged', { signed: partText(change.signed), current: partText(change.current) });
    case 'charge':
      if (change.signed === null) return t('signed.chargeAdded', { line: lineText(change.current!, t) });
      if (change.current === null) return t('signed.chargeRemoved', { line: lineText(change.signed, t) });
      return t('signed.chargeChanged', { signed: lineText(change.signed, t), current: lineText(change.current, t) });
    case 'payment': {
      const payment = (change.current ?? change.signed)!;
      const kind = t(`money.paymentKind.${payment.kind as 'payment'}`, { defaultValue: payment.kind });
      if (change.signed === null) return t('signed.paymentAdded', { kind, payment: paymentText(payment, t) });
      if (change.current === null) return t('signed.paymentRemoved', { kind, payment: paymentText(payment, t) });
      return t('signed.paymentChanged', {
        kind,
        signed: paymentText(change.signed, t),
        current: paymentText(change.current, t),
      });
    }
    case 'total':
      return t('signed.totalChanged', {
        field: t(`signed.total.${change.field}`),
        signed: formatFen(change.signed),
        current: formatFen(change.current),
      });
    case 'terms':
      return t('signed.terms', { signed: change.signed, current: change.current });
  }
}
