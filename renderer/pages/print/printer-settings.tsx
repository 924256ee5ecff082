/**
 * This PC's printer per form: the system's printers come from Electron
 * (`getPrintersAsync`); a form with a printer and "without dialog" prints at once. In the browser
 * host the browser's dialog chooses the printer, so only paper and copies matter there.
 */
import { Alert, App, Button, Checkbox, InputNumber, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_PAPERS, printSettingSchema, type Paper, type PrinterSummary, type PrintSetting } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { printBridge } from '../../print/print-actions';
import { useDeskMutation, useDeskQuery } from '../../use-desk';

const ASK = '';

function usePrinters(): ReadonlyArray<PrinterSummary> | null {
  const [printers, setPrinters] = useState<ReadonlyArray<PrinterSummary> | null>(null);
  useEffect(() => {
    const bridge = printBridge();
    if (!bridge) return;
    let live = true;
    void bridge.printers().then((list) => {
      if (live) setPrinters(list);
    });
    return () => {
      live = false;
    };
  }, []);
  return printers;
}

function SettingRow({ setting, printers }: { setting: PrintSetting; printers: ReadonlyArray<PrinterSummary> | null }) {
  const { t } = useTranslation('print');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const save = useDeskMutation('print.updateSetting');
  const [draft, setDraft] = useState(setting);
  const [error, setError] = useState<string | null>(null);
  const formName = t(`form.${setting.form}`);
  const installed = printers ?? [];
  const missing =
    draft.printer !== null && printers !== null && !installed.some((printer) => printer.name === draft.printer);
  const options = [
    { value: ASK, label: t('settings.askEveryTime') },
    ...installed.map((printer) => ({ value: printer.name, label: printer.displayName || printer.name })),
    ...(draft.printer !== null && !installed.some((printer) => printer.name === draft.printer)
      ? [{ value: draft.printer, label: draft.printer }]
      : []),
  ];

  const submit = async (): Promise<void> => {
    const input = {
      form: draft.form,
      printer: draft.printer,
      silent: draft.silent,
      paper: draft.paper,
      copies: draft.copies,
    };
    const checked = printSettingSchema.safeParse(input);
    if (!checked.success) {
      setError(errorText(checked.error.issues[0]?.message));
      return;
    }
    const result = await save.run(input);
    if (!result.ok) {
      setError(errorText(result.error.key));
      return;
    }
    setError(null);
    setDraft(result.value);
    void message.success(t('settings.saved'));
  };

  return (
    <tr>
      <th scope="row">{formName}</th>
      <td>
        <Select<string>
          aria-label={`${t('settings.printer')}: ${formName}`}
          style={{ width: 240 }}
          value={draft.printer ?? ASK}
          options={options}
          onChange={(value) =>
            setDraft({ ...draft, printer: value === ASK ? null : value, silent: value === ASK ? false : draft.silent })
          }
        />
        {missing && (
          <Typography.Text type="warning"> {t('settings.missingPrinter', { printer: draft.printer })}</Typography.Text>
        )}
      </td>
      <td>
        <Checkbox
          aria-label={`${t('settings.silent')}: ${formName}`}
          checked={draft.silent}
          disabled={draft.printer === null}
          onChange={(event) => setDraft({ ...draft, silent: event.target.checked })}
        >
          {t('settings.silent')}
        </Checkbox>
      </td>
      <td>
        <Select<Paper>
          aria-label={`${t('settings.paper')}: ${formName}`}
          style={{ width: 130 }}
          value={draft.paper}
          disabled={FORM_PAPERS[draft.form].length < 2}
          options={FORM_PAPERS[draft.form].map((paper) => ({ value: paper, label: t(`paper.${paper}`) }))}
          onChange={(paper) => setDraft({ ...draft, paper })}
        />
      </td>
      <td>
        <InputNumber
          aria-label={`${t('settings.copies')}: ${formName}`}
          min={1}
          max={9}
          precision={0}
          value={draft.copies}
          onChange={(copies) => setDraft({ ...draft, copies: copies ?? 1 })}
        />
      </td>
      <td>
        <Button onClick={() => void submit()} loading={save.pending} aria-label={`${t('settings.save')}: ${formName}`}>
          {t('settings.save')}
        </Button>
        {error && (
          <Typography.Text type="danger" role="alert">
            {' '}
            {error}
          </Typography.Text>
        )}
      </td>
    </tr>
  );
}

export function PrinterSettings() {
  const { t } = useTranslation('print');
  const errorText = useErrorText();
  const { state } = useDeskQuery('print.settings', {});
  const printers = usePrinters();
  return (
    <section aria-labelledby="printers-title">
      <Typography.Title level={3} id="printers-title">
        {t('settings.printersTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.printersHelp')}</Typography.Paragraph>
      {!printBridge() && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('settings.browserHost')} />}
      {state.status === 'error' && <Alert type="error" showIcon title={errorText(state.error.key)} />}
      {state.value && (
        <div style={{ overflowX: 'auto' }}>
          <table style={{ borderSpacing: '12px 8px', borderCollapse: 'separate', marginLeft: -12 }}>
            <thead>
              <tr>
                <th scope="col">{t('settings.form')}</th>
                <th scope="col">{t('settings.printer')}</th>
                <th scope="col">{t('settings.silent')}</th>
                <th scope="col">{t('settings.paper')}</th>
                <th scope="col">{t('settings.copies')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {state.value.items.map((setting) => (
                <SettingRow
                  key={`${setting.form}-${setting.printer}-${setting.paper}-${setting.copies}-${setting.silent}`}
                  setting={setting}
                  printers={printers}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
