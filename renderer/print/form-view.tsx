/** One form, rendered from its data in the given language: shared by the print route and the preview. */
import { defaultPaper, type FormDataOf, type Paper, type PrintForm, type PrintLanguage } from '../../db/api';
import { exhaustive } from '../../db/api';
import { EstimateSheet } from './forms/estimate-sheet';
import { IntakeReceipt } from './forms/intake-receipt';
import { PaymentReceipt } from './forms/payment-receipt';
import { PurchaseOrderSheet } from './forms/purchase-order';
import { RequisitionForm } from './forms/requisition-form';
import { TicketSheet } from './forms/service-form';
import { StocktakeSheet } from './forms/stocktake-sheet';
import { SupplierReturnNote } from './forms/supplier-return-note';
import { RankingSheet } from './forms/ranking-sheet';
import { TakingsSheet } from './forms/takings-sheet';
import { BinLabels, GoodsTags, PartLabels } from './forms/labels';
import { usePrintTexts } from './print-texts';

export type FormViewProps<F extends PrintForm = PrintForm> = {
  form: F;
  data: FormDataOf[F];
  copyNo: number;
  language: PrintLanguage;
  /** Labels lay themselves out on their paper; the forms' layout does not depend on it. */
  paper?: Paper;
};

export function FormView(props: FormViewProps) {
  const t = usePrintTexts(props.language);
  const { copyNo, language } = props;
  const paper = props.paper ?? defaultPaper(props.form);
  switch (props.form) {
    case 'service-form':
    case 'job-sheet':
      return (
        <TicketSheet
          data={props.data as FormDataOf['service-form']}
          variant={props.form}
          copyNo={copyNo}
          t={t}
          language={language}
        />
      );
    case 'intake-receipt':
      return (
        <IntakeReceipt data={props.data as FormDataOf['intake-receipt']} copyNo={copyNo} t={t} language={language} />
      );
    case 'payment-receipt':
      return <PaymentReceipt data={props.data as FormDataOf['payment-receipt']} copyNo={copyNo} t={t} />;
    case 'requisition':
      return <RequisitionForm data={props.data as FormDataOf['requisition']} copyNo={copyNo} t={t} />;
    case 'stocktake-sheet':
      return <StocktakeSheet data={props.data as FormDataOf['stocktake-sheet']} copyNo={copyNo} t={t} />;
    case 'takings-handover':
      return <TakingsSheet data={props.data as FormDataOf['takings-handover']} copyNo={copyNo} t={t} />;
    case 'estimate':
      return <EstimateSheet data={props.data as FormDataOf['estimate']} copyNo={copyNo} t={t} />;
    case 'supplier-return':
      return <SupplierReturnNote data={props.data as FormDataOf['supplier-return']} copyNo={copyNo} t={t} />;
    case 'purchase-order':
      return <PurchaseOrderSheet data={props.data as FormDataOf['purchase-order']} copyNo={copyNo} t={t} />;
    case 'assessment-ranking':
      return <RankingSheet data={props.data as FormDataOf['assessment-ranking']} copyNo={copyNo} t={t} />;
    case 'part-label':
      return <PartLabels data={props.data as FormDataOf['part-label']} paper={paper} t={t} />;
    case 'bin-label':
      return <BinLabels data={props.data as FormDataOf['bin-label']} paper={paper} t={t} />;
    case 'goods-tag':
      return <GoodsTags data={props.data as FormDataOf['goods-tag']} paper={paper} t={t} />;
    default:
      return exhaustive(props.form, 'form');
  }
}
