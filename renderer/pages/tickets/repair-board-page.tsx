/**
 * The repair lead's board (docs/DOMAIN.md §5): the jobs not yet scheduled beside a lane per
 * technician with their load, and a day or week calendar of appointments below. Jobs are in the
 * lead's order: urgency first, then the nearest deadline. Whoever dispatches assigns from here —
 * dragging a job onto a lane, or ticking several and choosing "Assign to…" — one step per job
 * (board/assign-jobs.ts); everyone else sees the board as it stands.
 */
import { Alert, Button, Card, Empty, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TechnicianLoad, TicketListItem } from '../../../db/api';
import { DateInput } from '../../forms/date-input';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { useAssignJobs, type AssignOutcome } from '../board/assign-jobs';
import { BoardCalendar } from '../board/board-calendar';
import { JOB_DRAG_TYPE, JobCard } from '../board/job-card';
import { useLoadLabel } from '../board/use-technician-load';
import '../board/board.css';

export function RepairBoardPage() {
  const { t } = useTranslation('board');
  const errorText = useErrorText();
  const { can } = useSignedIn();
  const dispatches = can('tickets.dispatch');
  const { state } = useDeskQuery('tickets.board', {}, { refetchOn: ['tickets.changed', 'staff.changed'] });
  const board = state.value;
  const jobs = board?.jobs ?? [];
  const technicians = board?.technicians ?? [];
  const unassigned = jobs.filter((job) => job.assignee === null);
  const assignable = (job: TicketListItem): boolean => dispatches && job.assignee === null && job.status === 'received';

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [plannedDate, setPlannedDate] = useState('');
  const [outcome, setOutcome] = useState<(AssignOutcome & { name: string; total: number }) | null>(null);
  const assign = useAssignJobs();
  const loadLabel = useLoadLabel();
  // Jobs someone else assigned meanwhile drop out of the selection.
  const chosen = unassigned.filter((job) => selected.has(job.id) && assignable(job));

  const assignTo = async (ids: ReadonlyArray<string>, technicianId: string): Promise<void> => {
    const picked = jobs.filter((job) => ids.includes(job.id));
    const tech = technicians.find((x) => x.id === technicianId);
    if (picked.length === 0 || !tech) return;
    const result = await assign.run(picked, technicianId, plannedDate || null);
    setOutcome({ ...result, name: tech.name, total: picked.length });
    setSelected(new Set([...selected].filter((id) => !result.assigned.includes(id))));
  };
  const onDrop = (technicianId: string, droppedId: string): void => {
    // Dropping one of the ticked jobs takes all of them along.
    const ids = selected.has(droppedId) ? chosen.map((job) => job.id) : [droppedId];
    void assignTo(ids, technicianId);
  };

  return (
    <section aria-labelledby="board-title" className="cd-board">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} align="baseline">
        <Typography.Title level={2} id="board-title" style={{ margin: 0 }}>
          {t('board.title')}
        </Typography.Title>
        {dispatches ? <Typography.Text type="secondary">{t('board.dragHint')}</Typography.Text> : null}
      </Space>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      {board && board.total > board.jobs.length ? (
        <Alert type="info" showIcon title={t('board.more', { shown: board.jobs.length, total: board.total })} />
      ) : null}
      {dispatches ? (
        <Space wrap role="group" aria-label={t('board.assignTo')} className="cd-board-toolbar">
          <Typography.Text strong>{t('board.selected', { count: chosen.length })}</Typography.Text>
          <Select<string>
            aria-label={t('board.assignTo')}
            placeholder={t('board.assignTo')}
            value={target}
            onChange={setTarget}
            options={technicians.map((tech) => ({ value: tech.id, label: loadLabel(tech.name, tech) }))}
            style={{ width: 240 }}
            virtual={false}
          />
          <DateInput
            aria-label={t('board.plannedDate')}
            placeholder={t('board.plannedDate')}
            value={plannedDate || null}
            onChange={(value) => setPlannedDate(value ?? '')}
            style={{ width: 160 }}
          />
          <Button
            type="primary"
            disabled={chosen.length === 0 || target === undefined}
            loading={assign.progress !== null}
            onClick={() =>
              target &&
              void assignTo(
                chosen.map((job) => job.id),
                target,
              )
            }
          >
            {assign.progress
              ? t('board.assigning', { done: assign.progress.done, total: assign.progress.total })
              : t('board.assign')}
          </Button>
          <Button disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
            {t('board.clear')}
          </Button>
        </Space>
      ) : null}
      {outcome ? <OutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} errorText={errorText} /> : null}
      <div className="cd-board-main">
        <Card
          size="small"
          className="cd-board-unassigned"
          title={`${t('board.unassigned')} (${unassigned.length})`}
          role="region"
          aria-label={t('board.unassigned')}
        >
          {unassigned.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.unassignedEmpty')} />
          ) : null}
          {unassigned.map((job) => (
            <JobCard
              key={job.id}
              job={job}
              selectable={assignable(job)}
              selected={selected.has(job.id)}
              onSelect={(id, on) => {
                const next = new Set(selected);
                if (on) next.add(id);
                else next.delete(id);
                setSelected(next);
              }}
            />
          ))}
        </Card>
        <div className="cd-board-lanes" role="region" aria-label={t('board.lanes')}>
          {technicians.map((tech) => (
            <Lane
              key={tech.id}
              tech={tech}
              jobs={jobs.filter((job) => job.assignee?.id === tech.id)}
              droppable={dispatches}
              onDrop={(id) => onDrop(tech.id, id)}
            />
          ))}
        </div>
      </div>
      {board ? <BoardCalendar today={board.today} technicians={technicians} /> : null}
    </section>
  );
}

function Lane({
  tech,
  jobs,
  droppable,
  onDrop,
}: {
  tech: TechnicianLoad;
  jobs: ReadonlyArray<TicketListItem>;
  droppable: boolean;
  onDrop: (jobId: string) => void;
}) {
  const { t } = useTranslation('board');
  const [over, setOver] = useState(false);
  return (
    <section
      className="cd-board-lane"
      aria-label={t('board.laneLabel', { name: tech.name, open: tech.open })}
      data-technician={tech.name}
      data-over={over ? 'true' : undefined}
      onDragOver={(e) => {
        if (!droppable || !e.dataTransfer.types.includes(JOB_DRAG_TYPE)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const id = e.dataTransfer.getData(JOB_DRAG_TYPE);
        if (droppable && id) {
          e.preventDefault();
          onDrop(id);
        }
      }}
    >
      <header className="cd-board-lane-head" title={t('board.hoursHelp')}>
        <Typography.Text strong ellipsis={{ tooltip: tech.name }}>
          {tech.name}
        </Typography.Text>
        <Typography.Text type="secondary" className="cd-board-load">
          {t('board.load', { open: tech.open, today: tech.today, hours: tech.hoursBooked })}
        </Typography.Text>
      </header>
      <div className="cd-board-lane-jobs">
        {jobs.length === 0 ? (
          <Typography.Text type="secondary">
            {droppable ? t('board.dropHere', { name: tech.name }) : t('board.laneEmpty')}
          </Typography.Text>
        ) : null}
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} />
        ))}
      </div>
    </section>
  );
}

function OutcomeAlert({
  outcome,
  onClose,
  errorText,
}: {
  outcome: AssignOutcome & { name: string; total: number };
  onClose: () => void;
  errorText: (key: string) => string;
}) {
  const { t } = useTranslation('board');
  if (outcome.failed.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        closable={{ onClose }}
        title={t('board.assigned', { count: outcome.assigned.length, name: outcome.name })}
        style={{ marginBottom: 8 }}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 8 }}
      title={t('board.partlyAssigned', { ok: outcome.assigned.length, total: outcome.total })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {outcome.failed.map((f) => (
            <li key={f.id}>{t('board.assignFailed', { number: f.number, reason: errorText(f.error.key) })}</li>
          ))}
        </ul>
      }
    />
  );
}
