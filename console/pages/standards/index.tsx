/**
 * Service standards: reply and resolve minutes per ticket type × priority × customer tier, and
 * whether each counts working or calendar hours. One ticket type at a time (12 rows), so the table
 * reads at 1366×768; changed cells are checked with the server's own schema as they are typed and
 * saved together. Saved standards reach every store at its next sync.
 */
import { Alert, App, Button, InputNumber, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOCK_COUNTS,
  slaTargetSchema,
  targetKey,
  TICKET_TYPES,
  type ClockCounts,
  type SaveMatrixResult,
  type SlaMatrix,
  type SlaTarget,
  type SlaTargetRow,
  type TicketType,
} from '../../../headoffice/console/contract/standards';
import { api } from '../../api';
import { useStaff } from '../../session';
import { errorText } from '../../shell/error-text';
import { useApi } from '../../use-api';

type Draft = Record<string, Partial<Pick<SlaTarget, 'replyMinutes' | 'resolveMinutes' | 'counts'>>>;

/**
 * "1440" → "24 h", "90" → "1 h 30 min": how long a number of minutes is, beside the number. Never
 * in days: 24 working hours are two or three days at the counter, not one.
 */
function useDuration() {
  const { t } = useTranslation('standards');
  return (minutes: number | null | undefined): string => {
    if (!minutes) return '';
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return [hours ? t('hours', { count: hours }) : '', rest ? t('minutes', { count: rest }) : '']
      .filter(Boolean)
      .join(' ');
  };
}

export default function StandardsPage() {
  const { t } = useTranslation(['standards', 'common']);
  const { can } = useStaff();
  const editable = can('standards.edit');
  const matrix = useApi(() => api.get<SlaMatrix>('/standards/matrix'), []);
  const [saved, setSaved] = useState<SlaMatrix | null>(null);
  const targets = (saved ?? matrix.data)?.targets ?? [];
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('intro')}
      </Typography.Paragraph>
      {matrix.problem && <Alert type="error" showIcon title={matrix.problem} style={{ marginBottom: 12 }} />}
      {targets.length > 0 && (
        <Editor key={JSON.stringify(targets)} targets={targets} editable={editable} onSaved={setSaved} />
      )}
    </>
  );
}

function Editor({
  targets,
  editable,
  onSaved,
}: {
  targets: ReadonlyArray<SlaTargetRow>;
  editable: boolean;
  onSaved: (matrix: SlaMatrix) => void;
}) {
  const { t } = useTranslation(['standards', 'common']);
  const { message } = App.useApp();
  const duration = useDuration();
  const [type, setType] = useState<TicketType>('complaint');
  const [draft, setDraft] = useState<Draft>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const current = (row: SlaTargetRow): SlaTarget => ({ ...row, ...draft[targetKey(row)] });
  const changed = targets.filter((row) => {
    const c = current(row);
    return c.replyMinutes !== row.replyMinutes || c.resolveMinutes !== row.resolveMinutes || c.counts !== row.counts;
  });
  const problems = new Map<string, string>();
  for (const row of changed) {
    const checked = slaTargetSchema.safeParse(current(row));
    if (!checked.success) problems.set(targetKey(row), checked.error.issues[0]?.message ?? t('invalid'));
  }
  const edit = (row: SlaTargetRow, change: Draft[string]) =>
    setDraft((d) => ({ ...d, [targetKey(row)]: { ...d[targetKey(row)], ...change } }));
  const label = (row: SlaTarget) =>
    `${t(`type.${row.ticketType}`)} · ${t(`priority.${row.priority}`)} · ${t(`tier.${row.tier}`)}`;
  const changedOf = (ticketType: TicketType) => changed.filter((row) => row.ticketType === ticketType).length;

  const save = async () => {
    setSaving(true);
    try {
      const answer = await api.send<SaveMatrixResult>('PUT', '/standards/matrix', { targets: changed.map(current) });
      void message.success(t('savedCount', { count: answer.changed }));
      setProblem(null);
      onSaved(answer);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const rows = targets.filter((row) => row.ticketType === type);
  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Segmented<TicketType>
          aria-label={t('typeFilter')}
          value={type}
          onChange={setType}
          options={TICKET_TYPES.map((v) => ({
            value: v,
            label: changedOf(v) > 0 ? `${t(`type.${v}`)} (${changedOf(v)})` : t(`type.${v}`),
          }))}
        />
        {editable ? (
          <Space>
            <Typography.Text type="secondary">{t('changed', { count: changed.length })}</Typography.Text>
            <Button disabled={changed.length === 0} onClick={() => setDraft({})}>
              {t('discard')}
            </Button>
            <Button
              type="primary"
              loading={saving}
              disabled={changed.length === 0 || problems.size > 0}
              onClick={() => void save()}
            >
              {t('save')}
            </Button>
          </Space>
        ) : (
          <Tag>{t('readOnly')}</Tag>
        )}
      </Space>
      <Table<SlaTargetRow>
        rowKey={targetKey}
        size="small"
        pagination={false}
        dataSource={rows}
        rowClassName={(row) => (problems.has(targetKey(row)) ? 'row-problem' : '')}
        columns={[
          { title: t('priorityCol'), key: 'priority', width: 110, render: (_, row) => t(`priority.${row.priority}`) },
          { title: t('tierCol'), key: 'tier', width: 90, render: (_, row) => t(`tier.${row.tier}`) },
          ...(['replyMinutes', 'resolveMinutes'] as const).map((field) => ({
            title: t(field),
            key: field,
            width: 230,
            render: (_: unknown, row: SlaTargetRow) => (
              <Space size="small">
                <InputNumber<number>
                  aria-label={t(`${field}Of`, { row: label(row) })}
                  disabled={!editable}
                  min={1}
                  precision={0}
                  value={current(row)[field]}
                  onChange={(v) => edit(row, { [field]: v ?? undefined })}
                  status={problems.has(targetKey(row)) ? 'error' : undefined}
                  style={{ width: 100 }}
                />
                <Typography.Text type="secondary">{duration(current(row)[field])}</Typography.Text>
              </Space>
            ),
          })),
          {
            title: t('counts'),
            key: 'counts',
            width: 230,
            render: (_, row) => (
              <Select<ClockCounts>
                aria-label={t('countsOf', { row: label(row) })}
                disabled={!editable}
                value={current(row).counts}
                onChange={(v) => edit(row, { counts: v })}
                options={CLOCK_COUNTS.map((v) => ({ value: v, label: t(`clock.${v}`) }))}
                style={{ width: 210 }}
              />
            ),
          },
          {
            title: t('source'),
            key: 'source',
            render: (_, row) => (row.fromHq ? <Tag color="blue">{t('fromHq')}</Tag> : <Tag>{t('fromRegulation')}</Tag>),
          },
        ]}
      />
      {[...problems].map(([key, text]) => {
        const row = targets.find((r) => targetKey(r) === key)!;
        return (
          <Alert
            key={key}
            type="error"
            showIcon
            role="alert"
            title={`${label(row)}: ${text}`}
            style={{ marginTop: 8 }}
          />
        );
      })}
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} />}
    </>
  );
}
