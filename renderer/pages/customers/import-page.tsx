/**
 * Import customers or products from CSV or XLSX: choose the file, map its columns,
 * run the dry run (chunk by chunk, with progress and cancel) that reports each bad row with its
 * reason, then import the good rows in one all-or-nothing step. Cancel drops everything staged.
 */
import { Alert, Button, Card, Progress, Radio, Select, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_CHUNK_ROWS,
  IMPORT_FIELDS,
  IMPORT_MAX_ROWS,
  REQUIRED_IMPORT_FIELDS,
  type BadRow,
  type ImportKind,
} from '../../../db/api';
import { desk } from '../../desk';
import { useErrorText } from '../../forms/error-text';
import type { CustomerMessages } from '../../i18n/customers.en';
import { guessMapping, readImportFile, type ImportTable } from './import-file';

type Stage =
  | { step: 'pick' }
  | { step: 'map'; table: ImportTable }
  | { step: 'checking'; table: ImportTable; batchId: string; done: number }
  | { step: 'checked'; table: ImportTable; batchId: string; good: number; bad: BadRow[] }
  | { step: 'importing'; table: ImportTable; batchId: string; good: number; bad: BadRow[] }
  | { step: 'done'; imported: number; skipped: number };

export function ImportPage() {
  const { t } = useTranslation('cust');
  const errorText = useErrorText();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [stage, setStage] = useState<Stage>({ step: 'pick' });
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const cancelled = useRef(false);
  const fields: ReadonlyArray<string> = IMPORT_FIELDS[kind];
  const fieldLabel = (field: string): string => t(`field.${field as keyof CustomerMessages['field']}`);
  const required = REQUIRED_IMPORT_FIELDS[kind];

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      const table = await readImportFile(file);
      if (table.rows.length === 0) return setProblem('import_empty');
      if (table.rows.length > IMPORT_MAX_ROWS) return setProblem('import_too_many');
      setMapping(guessMapping(table.headers, fields));
      setStage({ step: 'map', table });
    } catch (error) {
      setProblem(
        error instanceof Error && error.message === 'file_too_large' ? 'import_too_many' : 'import_unreadable',
      );
    }
  };

  const reset = () => {
    setStage({ step: 'pick' });
    setProblem(null);
  };

  const cancel = async () => {
    cancelled.current = true;
    if ('batchId' in stage) await desk.call('customers.importCancel', { batchId: stage.batchId });
    reset();
  };

  const dryRun = async (table: ImportTable) => {
    cancelled.current = false;
    setProblem(null);
    const begun = await desk.call('customers.importBegin', { kind, fileName: table.fileName });
    if (!begun.ok) return setProblem(begun.error.key);
    const { batchId } = begun.value;
    const bad: BadRow[] = [];
    let good = 0;
    for (let from = 0; from < table.rows.length; from += IMPORT_CHUNK_ROWS) {
      if (cancelled.current) return;
      setStage({ step: 'checking', table, batchId, done: from });
      const rows = table.rows.slice(from, from + IMPORT_CHUNK_ROWS).map((cells, i) => ({
        line: from + i + 2,
        values: Object.fromEntries(
          fields.filter((f) => (mapping[f] ?? -1) >= 0).map((f) => [f, cells[mapping[f]!] ?? '']),
        ),
      }));
      const checked = await desk.call('customers.importCheck', { batchId, rows });
      if (!checked.ok) {
        await desk.call('customers.importCancel', { batchId });
        setStage({ step: 'map', table });
        return setProblem(checked.error.key);
      }
      good += checked.value.staged;
      bad.push(...checked.value.bad);
    }
    if (!cancelled.current) setStage({ step: 'checked', table, batchId, good, bad });
  };

  const commit = async () => {
    if (stage.step !== 'checked') return;
    setStage({ ...stage, step: 'importing' });
    const result = await desk.call('customers.importCommit', { batchId: stage.batchId });
    if (result.ok) setStage({ step: 'done', ...result.value });
    else {
      setStage({ ...stage, step: 'checked' });
      setProblem(result.error.key);
    }
  };

  const columnOptions = (table: ImportTable) => [
    { value: -1, label: t('import.notInFile') },
    ...table.headers.map((h, i) => ({ value: i, label: h || t('import.column', { n: i + 1 }) })),
  ];
  const missing = required.filter((f) => (mapping[f] ?? -1) < 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Title level={2}>{t('import.title')}</Typography.Title>
      {problem ? <Alert type="error" showIcon title={errorText(problem)} /> : null}

      {stage.step === 'pick' ? (
        <Card>
          <Space orientation="vertical">
            <Radio.Group
              aria-label={t('import.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as ImportKind)}
              options={[
                { value: 'customers', label: t('import.customers') },
                { value: 'products', label: t('import.products') },
              ]}
            />
            <Typography.Text type="secondary">{t(`import.${kind}Help`)}</Typography.Text>
            <input
              type="file"
              aria-label={t('import.file')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void pickFile(e.target.files?.[0])}
            />
          </Space>
        </Card>
      ) : null}

      {stage.step === 'map' ? (
        <Card title={t('import.mapTitle', { file: stage.table.fileName, count: stage.table.rows.length })}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field) => (
              <div key={field} style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
                <label htmlFor={`map-${field}`} style={{ width: 180 }}>
                  {fieldLabel(field)}
                  {required.includes(field) ? ' *' : ''}
                </label>
                <Select<number>
                  id={`map-${field}`}
                  style={{ width: 260 }}
                  value={mapping[field] ?? -1}
                  onChange={(v) => setMapping({ ...mapping, [field]: v })}
                  options={columnOptions(stage.table)}
                  virtual={false}
                />
              </div>
            ))}
            {missing.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('import.mapMissing', { fields: missing.map((f) => fieldLabel(f)).join(', ') })}
              />
            ) : null}
            <Space>
              <Button type="primary" disabled={missing.length > 0} onClick={() => void dryRun(stage.table)}>
                {t('import.check')}
              </Button>
              <Button onClick={reset}>{t('import.cancel')}</Button>
            </Space>
          </Space>
        </Card>
      ) : null}

      {stage.step === 'checking' || stage.step === 'importing' ? (
        <Card>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {stage.step === 'checking' ? t('import.checking') : t('import.importing', { count: stage.good })}
            </Typography.Text>
            <Progress
              aria-label={t('import.progress')}
              percent={stage.step === 'checking' ? Math.round((stage.done / stage.table.rows.length) * 100) : 100}
              status="active"
            />
            {stage.step === 'checking' ? (
              <Button onClick={() => void cancel()}>{t('import.cancel')}</Button>
            ) : (
              <Typography.Text type="secondary">{t('import.allOrNothing')}</Typography.Text>
            )}
          </Space>
        </Card>
      ) : null}

      {stage.step === 'checked' ? (
        <Card role="region" aria-label={t('import.report')} title={t('import.report')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{t('import.summary', { good: stage.good, bad: stage.bad.length })}</Typography.Text>
            {stage.bad.length > 0 ? (
              <Table<BadRow>
                size="small"
                rowKey="line"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={stage.bad}
                columns={[
                  { title: t('import.line'), dataIndex: 'line', width: 80 },
                  {
                    title: t('import.field'),
                    dataIndex: 'field',
                    width: 160,
                    render: (f: string | null) => (f ? fieldLabel(f) : '—'),
                  },
                  { title: t('import.reason'), dataIndex: 'key', render: (key: string) => errorText(key) },
                ]}
              />
            ) : null}
            <Space>
              <Button type="primary" disabled={stage.good === 0} onClick={() => void commit()}>
                {t('import.run', { count: stage.good })}
              </Button>
              <Button onClick={() => void cancel()}>{t('import.cancel')}</Button>
            </Space>
          </Space>
        </Card>
      ) : null}

      {stage.step === 'done' ? (
        <Alert
          type="success"
          showIcon
          title={t('import.done', { imported: stage.imported, skipped: stage.skipped })}
          action={<Button onClick={reset}>{t('import.again')}</Button>}
        />
      ) : null}
    </Space>
  );
}
