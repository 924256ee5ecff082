/** Reads a form's data through the desk (`print.<subject>`), under the signed-in staff member's permissions. */
import { FORM_SUBJECT, type DeskResult, type FormDataOf, type PrintForm } from '../../db/api';
import { desk } from '../desk';

export async function loadFormData<F extends PrintForm>(
  form: F,
  subjectId: string,
): Promise<DeskResult<FormDataOf[F]>> {
  if (form === 'goods-tag')
    return (await desk.call('print.goodsTag', { ticketId: subjectId })) as DeskResult<FormDataOf[F]>;
  switch (FORM_SUBJECT[form]) {
    case 'part':
      return (await desk.call('print.partLabel', { partId: subjectId })) as DeskResult<FormDataOf[F]>;
    case 'bin':
      return (await desk.call('print.binLabel', { binId: subjectId })) as DeskResult<FormDataOf[F]>;
    case 'ticket':
      return (await desk.call('print.ticket', { ticketId: subjectId })) as DeskResult<FormDataOf[F]>;
    case 'requisition':
      return (await desk.call('print.requisition', { requisitionId: subjectId })) as DeskResult<FormDataOf[F]>;
    case 'stocktake':
      return (await desk.call('print.stocktake', { stocktakeId: subjectId })) as DeskResult<FormDataOf[F]>;
    case 'takings':
      return (await desk.call('print.takings', { date: subjectId })) as DeskResult<FormDataOf[F]>;
    case 'estimate':
      return (await desk.call('print.estimate', { estimateId: subjectId })) as DeskResult<FormDataOf[F]>;
    case 'supplier_return':
      return (await desk.call('print.supplierReturn', { returnId: subjectId })) as DeskResult<FormDataOf[F]>;
    case 'purchase_order':
      return (await desk.call('print.purchaseOrder', { purchaseOrderId: subjectId })) as DeskResult<FormDataOf[F]>;
    case 'assessment_period':
      return (await desk.call('print.assessmentRanking', { periodId: subjectId })) as DeskResult<FormDataOf[F]>;
  }
}
