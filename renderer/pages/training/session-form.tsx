/** Plan or change a session: topic, kind, trainer, dates, hours and who must attend (a lead: their group only). */
import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDIENCES,
  TRAINING_KINDS,
  type Audience,
  type PlanPerson,
  type Reach,
  type SessionView,
  type TrainingKind,
} from '../../../db/api';
import { DateInput } from '../../forms/date-input';
import { useDeskMutation } from '../../use-desk';
import { useFieldError } from './field-error';

type Props = { session: SessionView | null; people: ReadonlyArray<PlanPerson>; reach: Reach; onClose: () => void };

export function SessionForm({ session, people, reach, onClose }: Props) {
  const { t } = useTranslation('training');
  const save = useDeskMutation('training.saveSession');
  const { setError, on, general } = useFieldError();
  const ownGroup = reach.kind === 'group' ? reach.group : null;
  const audiences = AUDIENCES.filter((a) => ownGroup === null || a === ownGroup || a === 'chosen');
  const [topic, setTopic] = useState(session?.topic ?? '');
  const [kind, setKind] = useState<TrainingKind>(session?.kind ?? 'internal');
  const [trainer, setTrainer] = useState(session?.trainer ?? '');
  const [startsOn, setStartsOn] = useState<string | undefined>(session?.startsOn);
  const [endsOn, setEndsOn] = useState<string | undefined>(session?.endsOn);
  const [hours, setHours] = useState<number | null>(session?.hours ?? 2);
  const [audience, setAudience] = useState<Audience>(session?.audience ?? ownGroup ?? 'all');
  const [staffIds, setStaffIds] = useState<string[]>(
    session?.audience === 'chosen' ? session.attendees.map((a) => a.staffId) : [],
  );

  const submit = async (): Promise<void> => {
    const result = await save.run({
      ...(session ? { id: session.id } : {}),
      topic,
      kind,
      trainer,
      startsOn: startsOn ?? '',
      endsOn: endsOn ?? startsOn ?? '',
      hours: hours ?? 0,
      audience,
      staffIds: audience === 'chosen' ? staffIds : [],
    });
    if (result.ok) onClose();
    else setError(result.error);
  };

  return (
    <Modal
      open
      title={session ? t('plan.edit') : t('plan.add')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.pending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={560}
    >
      {general ? <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical">
        <Form.Item label={t('plan.topic')} htmlFor="session-topic" required {...on('topic')}>
          <Input id="session-topic" value={topic} maxLength={200} onChange={(e) => setTopic(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('plan.kind')} {...on('kind')}>
          <Radio.Group
            aria-label={t('plan.kind')}
            optionType="button"
            value={kind}
            onChange={(e) => setKind(e.target.value as TrainingKind)}
            options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('plan.trainer')} htmlFor="session-trainer" {...on('trainer')}>
          <Input id="session-trainer" value={trainer} maxLength={100} onChange={(e) => setTrainer(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('plan.startsOn')} htmlFor="session-starts" required {...on('startsOn')}>
          <DateInput id="session-starts" value={startsOn} onChange={setStartsOn} />
        </Form.Item>
        <Form.Item label={t('plan.endsOn')} htmlFor="session-ends" required {...on('endsOn')}>
          <DateInput id="session-ends" value={endsOn} onChange={setEndsOn} />
        </Form.Item>
        <Form.Item label={t('plan.hours')} htmlFor="session-hours" required {...on('hours')}>
          <InputNumber id="session-hours" min={0.5} max={1000} step={0.5} value={hours} onChange={setHours} />
        </Form.Item>
        <Form.Item label={t('plan.audience')} {...on('audience')}>
          <Radio.Group
            aria-label={t('plan.audience')}
            optionType="button"
            value={audience}
            onChange={(e) => setAudience(e.target.value as Audience)}
            options={audiences.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
          />
        </Form.Item>
        {audience === 'chosen' ? (
          <Form.Item label={t('plan.people')} htmlFor="session-people" required {...on('staffIds')}>
            <Select
              id="session-people"
              mode="multiple"
              value={staffIds}
              onChange={setStaffIds}
              optionFilterProp="label"
              options={people.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
