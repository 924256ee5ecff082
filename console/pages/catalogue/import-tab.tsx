/**
 * The import wizard: choose a CSV or XLSX file → head office's dry run (what would be added,
 * changed field by field, left alone, and every bad line) → apply, all or nothing, with the dry
 * run's token so what was reviewed is what is written.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Result, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import {
  IMPORT_MAX_BYTES,
  type DryRun,
  type FieldChange,
  type ImportFile,
  type ImportLine,
  type ImportProblem,
  type ImportResult,
} from '../../../headoffice/console/contract/catalogue';
import { errorText } from './errors';
import { formatFen } from './money';

/** The catalogue's field names as the dry run reports them, with their column titles. */
const FIELD_LABELS = {
  name: 'field.name',
  spec: 'field.spec',
  unit: 'field.unit',
  models: 'field.models',
  costFen: 'field.costFen',
  priceFen: 'field.priceFen',
  supplierIds: 'field.supplierIds',
  retiredAt: 'field.retiredAt',
} as const;
const isLabelled = (field: string): field is keyof typeof FIELD_LABELS => field in FIELD_LABELS;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportTab({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('catalogue');
  const [file, setFile] = useState<ImportFile | null>(null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const shown = (field: string, value: string | number | null) =>
    (field === 'costFen' || field === 'priceFen') && typeof value === 'number'
      ? formatFen(value)
      : field === 'retiredAt'
        ? value === null
          ? t('status.active')
          : t('status.retired')
        : value === '' || value === null
          ? '—'
          : String(value);

  const problemText = (p: ImportProblem) => {
    const field = p.params?.field;
    return t(`problem.${p.code}`, {
      ...p.params,
      column: p.column ?? '',
      field: typeof field === 'string' && isLabelled(field) ? t(FIELD_LABELS[field]) : String(field ?? ''),
    });
  };

  const choose = async (chosen: File) => {
    setError(null);
    setResult(null);
    setDryRun(null);
    if (!/\.(csv|xlsx)$/i.test(chosen.name)) return setError(t('import.wrongType'));
    if (chosen.size > IMPORT_MAX_BYTES) return setError(t('error.file_too_large'));
    setBusy(true);
    try {
      const next = { fileName: chosen.name, contentBase64: await toBase64(chosen) };
      setFile(next);
      setDryRun(await api.send<DryRun>('POST', '/catalogue/import/dry-run', next));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!file || !dryRun) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.send<ImportResult>('POST', '/catalogue/import/apply', { ...file, token: dryRun.token }));
      setDryRun(null);
      onImported();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setFile(null);
    setDryRun(null);
    setResult(null);
    setError(null);
  };

  const step = result ? 2 : dryRun ? 1 : 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Steps
        current={step}
        size="small"
        items={[{ title: t('import.stepFile') }, { title: t('import.stepReview') }, { title: t('import.stepDone') }]}
      />
      {error && <Alert type="error" showIcon title={error} />}
      {step === 0 && (
        <>
          <Upload.Dragger
            accept=".csv,.xlsx"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy ? t('import.checking') : t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.limits')}</p>
          </Upload.Dragger>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('import.columnsHelp')}
          </Typography.Paragraph>
        </>
      )}
      {dryRun && (
        <>
          <Card size="small" title={t('import.reviewTitle', { fileName: dryRun.fileName, rows: dryRun.rows })}>
            <Space size={48} wrap>
              <Statistic title={t('import.added')} value={dryRun.added} />
              <Statistic title={t('import.changed')} value={dryRun.changed} />
              <Statistic title={t('import.unchanged')} value={dryRun.unchanged} />
              <Statistic
                title={t('import.problems')}
                value={dryRun.problems.length}
                styles={{ content: { color: dryRun.problems.length ? '#cf1322' : undefined } }}
              />
            </Space>
          </Card>
          {dryRun.problems.length > 0 && (
            <>
              <Alert type="error" showIcon title={t('import.fixFirst', { count: dryRun.problems.length })} />
              <Table<ImportProblem>
                size="small"
                rowKey={(p, i) => `${p.line}-${i ?? 0}`}
                dataSource={dryRun.problems}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                tableLayout="fixed"
                columns={[
                  { title: t('import.line'), dataIndex: 'line', width: 80 },
                  { title: t('import.column'), dataIndex: 'column', width: 140, render: (c?: string) => c ?? '—' },
                  {
                    title: t('import.problem'),
                    key: 'problem',
                    render: (_: unknown, p: ImportProblem) => problemText(p),
                  },
                ]}
              />
            </>
          )}
          <Table<ImportLine>
            size="small"
            rowKey="line"
            dataSource={dryRun.lines}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            tableLayout="fixed"
            locale={{ emptyText: t('import.nothingToWrite') }}
            columns={[
              { title: t('import.line'), dataIndex: 'line', width: 80 },
              { title: t('field.partNo'), dataIndex: 'partNo', width: 160, ellipsis: true },
              {
                title: t('import.what'),
                dataIndex: 'kind',
                width: 90,
                render: (kind: ImportLine['kind']) =>
                  kind === 'add' ? (
                    <Tag color="blue">{t('import.kindAdd')}</Tag>
                  ) : (
                    <Tag color="orange">{t('import.kindChange')}</Tag>
                  ),
              },
              {
                title: t('import.details'),
                key: 'details',
                render: (_: unknown, line: ImportLine) =>
                  line.kind === 'change' ? (
                    <Space orientation="vertical" size={0}>
                      {line.changes.map((c: FieldChange) => (
                        <span key={c.field}>
                          {isLabelled(c.field) ? t(FIELD_LABELS[c.field]) : c.field}:{' '}
                          <Typography.Text delete>{shown(c.field, c.before)}</Typography.Text> →{' '}
                          <Typography.Text strong>{shown(c.field, c.after)}</Typography.Text>
                        </span>
                      ))}
                    </Space>
                  ) : line.kind === 'add' ? (
                    <span>
                      {String(line.fields.name)} · {shown('priceFen', line.fields.priceFen ?? null)}
                    </span>
                  ) : null,
              },
            ]}
          />
          <Space>
            <Button onClick={reset}>{t('import.chooseAnother')}</Button>
            <Popconfirm
              title={t('import.applyConfirm', { added: dryRun.added, changed: dryRun.changed })}
              okText={t('action.confirm')}
              cancelText={t('action.cancel')}
              onConfirm={apply}
              disabled={dryRun.problems.length > 0 || dryRun.lines.length === 0}
            >
              <Button type="primary" loading={busy} disabled={dryRun.problems.length > 0 || dryRun.lines.length === 0}>
                {t('import.apply')}
              </Button>
            </Popconfirm>
          </Space>
        </>
      )}
      {result && (
        <Result
          status="success"
          title={t('import.doneTitle')}
          subTitle={t('import.doneText', result)}
          extra={<Button onClick={reset}>{t('import.again')}</Button>}
        />
      )}
    </Space>
  );
}
