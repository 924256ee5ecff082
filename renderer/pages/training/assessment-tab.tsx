/**
 * Assessment periods: the manager opens one with its weights, everyone assessed enters their own
 * self-assessment, the manager or the group lead rates, and the ranking is printed or exported.
 * Each row comes from the main process already cut to what the caller may see.
 */
import { App, Button, Card, Empty, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRow, PeriodSummary, PeriodView } from '../../../db/api';
import { formatDate, formatDateTime } from '../../format/date';
import { useErrorText } from '../../forms/error-text';
import { PrintButton } from '../../print/print-button';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { PeriodForm } from './period-form';
import { RankingTable, points } from './ranking-table';
import { ReachNote } from './reach-note';
import { saveRankingXlsx } from './ranking-xlsx';
import { ScoreForm } from './score-form';

type Editing =
  { kind: 'period'; period: PeriodSummary | null } | { kind: 'self' } | { kind: 'rate'; row: AssessmentRow } | null;

export function AssessmentTab() {
  const { t } = useTranslation('training');
  const { can } = useSignedIn();
  const errorText = useErrorText();
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const periods = useDeskQuery('training.periods', {}, { refetchOn: ['training.changed', 'staff.changed'] }).state;
  const list = periods.value?.periods ?? [];
  const periodId = chosen ?? list[0]?.id ?? null;
  const { state } = useDeskQuery(
    'training.period',
    { periodId: periodId ?? '' },
    { refetchOn: ['training.changed', 'staff.changed', 'tickets.changed'], enabled: periodId !== null },
  );
  const view = state.value?.period.id === periodId ? state.value : undefined;
  const manage = can('training.manage');

  return (
    <div data-testid="training-assessment">
      {periods.value ? <ReachNote reach={periods.value.reach} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('assessment.period')}
          style={{ minWidth: 220 }}
          value={periodId ?? undefined}
          placeholder={t('assessment.period')}
          onChange={setChosen}
          options={list.map((p) => ({ value: p.id, label: p.name }))}
        />
        {manage ? (
          <Button type="primary" onClick={() => setEditing({ kind: 'period', period: null })}>
            {t('assessment.add')}
          </Button>
        ) : null}
        {view ? <PeriodActions view={view} onEdit={() => setEditing({ kind: 'period', period: view.period })} /> : null}
      </Space>
      {state.status === 'error' ? <Typography.Text type="danger">{errorText(state.error.key)}</Typography.Text> : null}
      {periods.value && list.length === 0 ? <Empty description={t('assessment.none')} /> : null}
      {view ? (
        <>
          <PeriodFacts period={view.period} />
          <Mine view={view} onEdit={() => setEditing({ kind: 'self' })} />
          <RankingTable view={view} onRate={(row) => setEditing({ kind: 'rate', row })} />
        </>
      ) : null}
      {editing?.kind === 'period' ? (
        <PeriodForm
          period={editing.period}
          onClose={(id) => {
            if (id) setChosen(id);
            setEditing(null);
          }}
        />
      ) : null}
      {editing?.kind === 'self' && view ? <SelfForm view={view} onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'rate' && view ? (
        <RateForm periodId={view.period.id} row={editing.row} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}

function PeriodFacts({ period }: { period: PeriodSummary }) {
  const { t, i18n } = useTranslation('training');
  return (
    <Typography.Paragraph>
      {formatDate(period.startsOn, i18n.language)} – {formatDate(period.endsOn, i18n.language)} ·{' '}
      {period.closedAt
        ? t('assessment.closed', {
            at: formatDateTime(period.closedAt, i18n.language),
            name: period.closedByName ?? '—',
          })
        : t('assessment.open')}
      <br />
      {t('assessment.weights', {
        self: period.weightSelf,
        supervisor: period.weightSupervisor,
        customers: period.weightCustomers,
      })}{' '}
      · {t('assessment.bands', { a: period.aGradeMin, b: period.bGradeMin })} · {t('assessment.tie')}
    </Typography.Paragraph>
  );
}

function PeriodActions({ view, onEdit }: { view: PeriodView; onEdit: () => void }) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { can } = useSignedIn();
  const close = useDeskMutation('training.closePeriod');
  const open = view.period.closedAt === null;
  const exportIt = async (): Promise<void> => {
    const file = await saveRankingXlsx(view, {
      rank: t('assessment.rank'),
      name: t('assessment.person'),
      group: t('assessment.group'),
      self: t('assessment.self'),
      supervisor: t('assessment.supervisor'),
      customers: t('assessment.customers'),
      ratings: `${t('assessment.customers')} (n)`,
      total: t('assessment.total'),
      grade: t('assessment.grade'),
      groupName: (group) => t(`audiences.${group as 'counter'}`),
      missing: (parts) =>
        t('assessment.missing', {
          parts: parts.map((p) => t(`assessment.parts.${p as 'self'}`)).join(t('assessment.partsSeparator')),
        }),
    });
    void message.success(t('assessment.exported', { file }));
  };
  return (
    <>
      {can('training.manage') && open ? <Button onClick={onEdit}>{t('assessment.edit')}</Button> : null}
      {can('training.manage') && open ? (
        <Popconfirm
          title={t('assessment.closeConfirm')}
          okText={t('assessment.close')}
          cancelText={t('cancel')}
          onConfirm={async () => {
            const result = await close.run({ periodId: view.period.id });
            if (!result.ok) void message.error(errorText(result.error.key));
          }}
        >
          <Button danger loading={close.pending}>
            {t('assessment.close')}
          </Button>
        </Popconfirm>
      ) : null}
      {view.reach.kind !== 'self' ? (
        <>
          <PrintButton form="assessment-ranking" subjectId={view.period.id} />
          <Button onClick={() => void exportIt()}>{t('assessment.export')}</Button>
        </>
      ) : null}
    </>
  );
}

function Mine({ view, onEdit }: { view: PeriodView; onEdit: () => void }) {
  const { t } = useTranslation('training');
  const { staff } = useSignedIn();
  const mine = view.rows.find((r) => r.staffId === staff.id);
  if (!mine) return null;
  return (
    <Card size="small" title={t('assessment.mine')} style={{ marginBottom: 12 }} data-testid="my-assessment">
      <Space wrap size="large" align="center">
        <span>
          {t('assessment.self')}: <strong>{mine.selfScore ?? '—'}</strong>
        </span>
        <span>
          {t('assessment.supervisor')}: <strong>{mine.supervisorScore ?? '—'}</strong>
        </span>
        <span>
          {t('assessment.total')}: <strong>{points(mine.totalX100) || '—'}</strong>
        </span>
        {mine.canSelf ? (
          <Button type="primary" onClick={onEdit}>
            {t('assessment.submitSelf')}
          </Button>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('assessment.howCustomers')}
      </Typography.Paragraph>
    </Card>
  );
}

function SelfForm({ view, onClose }: { view: PeriodView; onClose: () => void }) {
  const { t } = useTranslation('training');
  const { staff } = useSignedIn();
  const save = useDeskMutation('training.selfAssess');
  const mine = view.rows.find((r) => r.staffId === staff.id);
  return (
    <ScoreForm
      title={t('assessment.mine')}
      initial={{ score: mine?.selfScore ?? null, note: mine?.selfNote ?? '' }}
      pending={save.pending}
      save={(input) => save.run({ periodId: view.period.id, ...input })}
      onClose={onClose}
    />
  );
}

function RateForm({ periodId, row, onClose }: { periodId: string; row: AssessmentRow; onClose: () => void }) {
  const { t } = useTranslation('training');
  const save = useDeskMutation('training.rate');
  return (
    <ScoreForm
      title={t('assessment.rateTitle', { name: row.name })}
      initial={{ score: row.supervisorScore, note: row.supervisorNote }}
      pending={save.pending}
      save={(input) => save.run({ periodId, staffId: row.staffId, ...input })}
      onClose={onClose}
    />
  );
}
