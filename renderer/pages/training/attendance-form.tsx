/** Record a session's attendance and results, one line per person the caller may record for. */
import { Alert, Input, InputNumber, Modal, Radio, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type AttendeeView, type SessionView } from '../../../db/api';
import { useDeskMutation } from '../../use-desk';
import { useFieldError } from './field-error';

type Line = {
  staffId: string;
  name: string;
  status: AttendanceStatus;
  score: number | null;
  passed: boolean | null;
  note: string;
};

export function AttendanceForm({ session, onClose }: { session: SessionView; onClose: () => void }) {
  const { t } = useTranslation('training');
  const save = useDeskMutation('training.recordAttendance');
  const { error, setError, errorText } = useFieldError();
  const [lines, setLines] = useState<Line[]>(() =>
    session.attendees.map((a: AttendeeView) => ({
      staffId: a.staffId,
      name: a.name,
      status: a.status,
      score: a.score,
      passed: a.passed,
      note: a.note,
    })),
  );
  const change = (index: number, patch: Partial<Line>) =>
    setLines((all) => all.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const submit = async (): Promise<void> => {
    // Only someone who attended has a result: switching away clears it, as the desk requires.
    const rows = lines.map(({ name: _name, ...line }) =>
      line.status === 'attended' ? line : { ...line, score: null, passed: null },
    );
    const result = await save.run({ sessionId: session.id, rows });
    if (result.ok) onClose();
    else setError(result.error);
  };
  const rowOf = (field: string | undefined) => (field ? Number(/^rows\.(\d+)\./.exec(field)?.[1] ?? -1) : -1);
  const badRow = rowOf(error?.field);

  return (
    <Modal
      open
      title={`${t('plan.attendance')} · ${session.topic}`}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.pending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={900}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={badRow >= 0 ? `${lines[badRow]?.name ?? ''}: ${errorText(error.key)}` : errorText(error.key)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Table<Line>
        size="small"
        rowKey="staffId"
        pagination={false}
        dataSource={lines}
        aria-label={t('plan.attendees')}
        columns={[
          { key: 'name', title: t('plan.name'), width: 120, render: (_, l) => l.name },
          {
            key: 'status',
            title: t('plan.status'),
            width: 250,
            render: (_, l, i) => (
              <Radio.Group
                aria-label={`${l.name} ${t('plan.status')}`}
                size="small"
                optionType="button"
                value={l.status}
                onChange={(e) => change(i, { status: e.target.value as AttendanceStatus })}
                options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
              />
            ),
          },
          {
            key: 'score',
            title: t('plan.score'),
            width: 100,
            render: (_, l, i) => (
              <InputNumber
                aria-label={`${l.name} ${t('plan.score')}`}
                min={0}
                max={100}
                precision={0}
                disabled={l.status !== 'attended'}
                value={l.score}
                onChange={(score) => change(i, { score })}
              />
            ),
          },
          {
            key: 'passed',
            title: t('plan.passed'),
            width: 120,
            render: (_, l, i) => (
              <Select
                aria-label={`${l.name} ${t('plan.passed')}`}
                allowClear
                disabled={l.status !== 'attended'}
                style={{ width: 100 }}
                value={l.passed === null ? undefined : l.passed ? 'yes' : 'no'}
                onChange={(value?: 'yes' | 'no') => change(i, { passed: value === undefined ? null : value === 'yes' })}
                options={[
                  { value: 'yes', label: t('plan.yes') },
                  { value: 'no', label: t('plan.no') },
                ]}
              />
            ),
          },
          {
            key: 'note',
            title: t('plan.note'),
            render: (_, l, i) => (
              <Input
                aria-label={`${l.name} ${t('plan.note')}`}
                maxLength={500}
                value={l.note}
                onChange={(e) => change(i, { note: e.target.value })}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
