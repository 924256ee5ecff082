/**
 * Print preview in the app: the form exactly as it will print, in the chosen
 * language and paper, with whether it will come out as the original or as a copy, and the
 * buttons that print it or save it as a PDF. Any page that shows a ticket, requisition or
 * stocktake opens it through <PrintButton>.
 */
import { Alert, App, Button, Modal, Segmented, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FORM_PAPERS,
  formNumber,
  PAPER_MARGIN_MM,
  PAPER_MM,
  paperFor,
  type DeskError,
  type FormDataOf,
  type Paper,
  type PrintForm,
  type PrintLanguage,
} from '../../db/api';
import { useErrorText } from '../forms/error-text';
import { currentLanguage } from '../i18n';
import { useDeskQuery } from '../use-desk';
import { changeText } from './form-changes';
import { FormView } from './form-view';
import { loadFormData } from './load-form';
import {
  printBridge,
  printInBrowser,
  printWithBridge,
  savePdfInBrowser,
  type PrintDone,
  type PrintRequest,
} from './print-actions';
import { PrintHistoryList } from './print-history';
import { usePrintTexts } from './print-texts';
import './print.css';

type Loaded<F extends PrintForm> =
  { status: 'loading' } | { status: 'ok'; data: FormDataOf[F] } | { status: 'error'; error: DeskError };

function useFormData<F extends PrintForm>(form: F, subjectId: string, open: boolean): Loaded<F> {
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<F> } | null>(null);
  const key = `${form} ${subjectId}`;
  useEffect(() => {
    if (!open) return;
    let live = true;
    void loadFormData(form, subjectId).then((result) => {
      if (live)
        setLoaded({
          key,
          value: result.ok ? { status: 'ok', data: result.value } : { status: 'error', error: result.error },
        });
    });
    return () => {
      live = false;
    };
  }, [form, subjectId, key, open]);
  return loaded?.key === key ? loaded.value : { status: 'loading' };
}

export type PrintPreviewProps = { form: PrintForm; subjectId: string; open: boolean; onClose: () => void };

export function PrintPreview({ form, subjectId, open, onClose }: PrintPreviewProps) {
  const { t: ui, i18n } = useTranslation('print');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [language, setLanguage] = useState<PrintLanguage>(() => currentLanguage(i18n.language));
  const [paperChoice, setPaperChoice] = useState<Paper | null>(null);
  const [busy, setBusy] = useState(false);
  const formTexts = usePrintTexts(language);
  const loaded = useFormData(form, subjectId, open);
  const settings = useDeskQuery('print.settings', {}, { enabled: open, refetchOn: ['print.changed'] });
  const history = useDeskQuery('print.history', { form, subjectId }, { enabled: open, refetchOn: ['print.changed'] });
  const setting = settings.state.value?.items.find((item) => item.form === form);
  const paper = paperFor(form, paperChoice ?? setting?.paper);
  const copyNo = history.state.value?.nextCopyNo ?? 0;
  const bridge = printBridge();
  const ready = loaded.status === 'ok' && setting !== undefined && history.state.status === 'ok';

  const run = async (toPdf: boolean): Promise<void> => {
    if (loaded.status !== 'ok' || !setting) return;
    const request: PrintRequest = {
      form,
      subjectId,
      data: loaded.data,
      language,
      paper,
      copyNo,
      fileName: `${formTexts(`form.${form}`)}-${formNumber(form, loaded.data)}`,
    };
    setBusy(true);
    let done: PrintDone | null;
    try {
      done =
        (await printWithBridge(request, setting, toPdf)) ??
        (toPdf ? await savePdfInBrowser(request) : await printInBrowser(request));
    } finally {
      setBusy(false);
    }
    history.refetch();
    const { result, outcome } = done;
    if (outcome.reason === 'popup_blocked') void message.error(ui('preview.popupBlocked'));
    else if (result === 'failed') void message.error(ui('preview.done.failed', { reason: outcome.reason }));
    else void message.info(ui(`preview.done.${result}`, { printer: outcome.printer ?? ui('preview.defaultPrinter') }));
    if (done.logError) void message.warning(done.logError);
  };

  const size = PAPER_MM[paper];
  const margin = PAPER_MARGIN_MM[paper];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={ui('preview.title', { form: formTexts(`form.${form}`) })}
      width={size.width > 150 ? 940 : 700}
      footer={
        <Space wrap>
          <Button onClick={onClose}>{ui('preview.close')}</Button>
          <Button disabled={!ready} loading={busy} onClick={() => void run(true)}>
            {ui('preview.savePdf')}
          </Button>
          <Button type="primary" disabled={!ready} loading={busy} onClick={() => void run(false)}>
            {ui('preview.print')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented<PrintLanguage>
            aria-label={ui('preview.language')}
            value={language}
            onChange={setLanguage}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
          {FORM_PAPERS[form].length > 1 && (
            <Segmented<Paper>
              aria-label={ui('settings.paper')}
              value={paper}
              onChange={setPaperChoice}
              options={FORM_PAPERS[form].map((value) => ({ value, label: ui(`paper.${value}`) }))}
            />
          )}
        </Space>
        {history.state.status === 'ok' && (
          <Typography.Text type={copyNo > 0 ? 'warning' : 'secondary'}>
            {copyNo > 0 ? ui('preview.willPrintCopy', { n: copyNo }) : ui('preview.willPrintOriginal')}
          </Typography.Text>
        )}
        {!bridge && <Typography.Text type="secondary">{ui('preview.browserHint')}</Typography.Text>}
        {loaded.status === 'error' && (
          <Alert type="error" showIcon title={ui('preview.loadFailed')} description={errorText(loaded.error.key)} />
        )}
        {loaded.status === 'loading' && <Spin />}
        {loaded.status === 'ok' && <ChangedAfterSigning form={form} data={loaded.data} />}
        {loaded.status === 'ok' && (
          <div className="pf-desk" aria-label={ui('preview.title', { form: formTexts(`form.${form}`) })}>
            <div
              className="pf-paper pf-root"
              lang={language}
              data-paper={paper}
              style={{ width: `${size.width}mm`, padding: `${margin}mm` }}
            >
              <FormView form={form} data={loaded.data} copyNo={copyNo} language={language} paper={paper} />
            </div>
          </div>
        )}
        {history.state.value && history.state.value.entries.length > 0 && (
          <PrintHistoryList entries={history.state.value.entries} />
        )}
      </Space>
    </Modal>
  );
}

/** Before printing a service form whose content changed since the customer signed it: say so above the paper. */
function ChangedAfterSigning({ form, data }: { form: PrintForm; data: FormDataOf[PrintForm] }) {
  const { t } = useTranslation('print');
  if (form !== 'service-form') return null;
  const signature = (data as FormDataOf['service-form']).signature;
  if (!signature || signature.matches) return null;
  return (
    <Alert
      type={signature.acceptance ? 'warning' : 'error'}
      showIcon
      title={t('signed.changed')}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {signature.changes.map((change, i) => (
            <li key={i}>{changeText(change, t)}</li>
          ))}
        </ul>
      }
    />
  );
}
