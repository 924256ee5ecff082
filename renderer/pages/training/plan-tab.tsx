/**
 * The year's training plan: sessions in date order with whom they are for, each opening to its
 * attendees and their results. The manager and leads plan and record here; staff see their own.
 */
import { Button, Empty, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendeeView, SessionView } from '../../../db/api';
import { formatDate } from '../../format/date';
import { useErrorText } from '../../forms/error-text';
import { useDeskQuery } from '../../use-desk';
import { AttendanceForm } from './attendance-form';
import { ReachNote } from './reach-note';
import { SessionForm } from './session-form';

export function AttendeesTable({ rows }: { rows: ReadonlyArray<AttendeeView> }) {
  const { t } = useTranslation('training');
  return (
    <Table<AttendeeView>
      size="small"
      rowKey="staffId"
      pagination={false}
      dataSource={[...rows]}
      aria-label={t('plan.attendees')}
      columns={[
        { key: 'name', title: t('plan.name'), render: (_, a) => a.name },
        { key: 'status', title: t('plan.status'), width: 110, render: (_, a) => t(`statuses.${a.status}`) },
        { key: 'score', title: t('plan.score'), width: 90, align: 'right', render: (_, a) => a.score ?? '' },
        {
          key: 'passed',
          title: t('plan.passed'),
          width: 110,
          render: (_, a) => (a.passed === null ? '' : a.passed ? t('plan.yes') : t('plan.no')),
        },
        { key: 'note', title: t('plan.note'), width: 260, render: (_, a) => a.note },
      ]}
    />
  );
}

type Editing = { kind: 'session'; session: SessionView | null } | { kind: 'attendance'; session: SessionView } | null;

export function PlanTab() {
  const { t, i18n } = useTranslation('training');
  const errorText = useErrorText();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [editing, setEditing] = useState<Editing>(null);
  const { state } = useDeskQuery('training.plan', { year }, { refetchOn: ['training.changed', 'staff.changed'] });
  const plan = state.value?.year === year ? state.value : undefined;
  const planner = plan !== undefined && plan.reach.kind !== 'self';
  const dates = (s: SessionView) =>
    s.startsOn === s.endsOn
      ? formatDate(s.startsOn, i18n.language)
      : `${formatDate(s.startsOn, i18n.language)} – ${formatDate(s.endsOn, i18n.language)}`;

  return (
    <div data-testid="training-plan">
      {plan ? <ReachNote reach={plan.reach} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="training-year">{t('plan.year')}</label>
        <InputNumber
          id="training-year"
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(value) => typeof value === 'number' && value >= 2000 && value <= 2100 && setYear(value)}
        />
        {planner ? (
          <Button type="primary" onClick={() => setEditing({ kind: 'session', session: null })}>
            {t('plan.add')}
          </Button>
        ) : null}
      </Space>
      {state.status === 'error' ? <Typography.Text type="danger">{errorText(state.error.key)}</Typography.Text> : null}
      <Table<SessionView>
        rowKey="id"
        size="small"
        loading={!plan}
        pagination={false}
        dataSource={plan ? [...plan.sessions] : []}
        aria-label={t('tabs.plan')}
        locale={{ emptyText: <Empty description={t('plan.none')} /> }}
        expandable={{
          expandedRowRender: (s) => <AttendeesTable rows={s.attendees} />,
          rowExpandable: (s) => s.attendees.length > 0,
        }}
        columns={[
          { key: 'dates', title: t('plan.dates'), width: 200, render: (_, s) => dates(s) },
          // The one column that gives way: a long topic wraps.
          { key: 'topic', title: t('plan.topic'), render: (_, s) => s.topic },
          { key: 'kind', title: t('plan.kind'), width: 120, render: (_, s) => t(`kinds.${s.kind}`) },
          { key: 'trainer', title: t('plan.trainer'), width: 100, render: (_, s) => s.trainer },
          { key: 'hours', title: t('plan.hours'), width: 64, align: 'right', render: (_, s) => s.hours },
          { key: 'audience', title: t('plan.audience'), width: 110, render: (_, s) => t(`audiences.${s.audience}`) },
          { key: 'count', title: t('plan.attendees'), width: 90, align: 'right', render: (_, s) => s.attendeeCount },
          ...(planner
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 190,
                  render: (_: unknown, s: SessionView) => (
                    <Space size={4} wrap>
                      {s.editable ? (
                        <Button size="small" onClick={() => setEditing({ kind: 'session', session: s })}>
                          {t('plan.edit')}
                        </Button>
                      ) : null}
                      {s.attendees.length > 0 ? (
                        <Button size="small" onClick={() => setEditing({ kind: 'attendance', session: s })}>
                          {t('plan.attendance')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing?.kind === 'session' && plan ? (
        <SessionForm
          session={editing.session}
          people={plan.people}
          reach={plan.reach}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'attendance' ? (
        <AttendanceForm session={editing.session} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}
