/** Open a period or change its weights and grade bands (the manager): the three weights must add up to 100. */
import { Alert, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodSummary } from '../../../db/api';
import { DateInput } from '../../forms/date-input';
import { useDeskMutation } from '../../use-desk';
import { useFieldError } from './field-error';

type Props = { period: PeriodSummary | null; onClose: (id?: string) => void };

export function PeriodForm({ period, onClose }: Props) {
  const { t } = useTranslation('training');
  const save = useDeskMutation('training.savePeriod');
  const { setError, on, general } = useFieldError();
  const [name, setName] = useState(period?.name ?? '');
  const [startsOn, setStartsOn] = useState<string | undefined>(period?.startsOn);
  const [endsOn, setEndsOn] = useState<string | undefined>(period?.endsOn);
  const [weights, setWeights] = useState({
    weightSelf: period?.weightSelf ?? 20,
    weightSupervisor: period?.weightSupervisor ?? 50,
    weightCustomers: period?.weightCustomers ?? 30,
  });
  const [bands, setBands] = useState({ aGradeMin: period?.aGradeMin ?? 90, bGradeMin: period?.bGradeMin ?? 75 });
  const sum = weights.weightSelf + weights.weightSupervisor + weights.weightCustomers;

  const submit = async (): Promise<void> => {
    const result = await save.run({
      ...(period ? { id: period.id } : {}),
      name,
      startsOn: startsOn ?? '',
      endsOn: endsOn ?? '',
      ...weights,
      ...bands,
    });
    if (result.ok) onClose(result.value.id);
    else setError(result.error);
  };
  const percent = (key: keyof typeof weights) => (
    <Form.Item label={t(`assessment.${key}`)} htmlFor={`period-${key}`} {...on(key)}>
      <InputNumber
        id={`period-${key}`}
        min={0}
        max={100}
        precision={0}
        value={weights[key]}
        onChange={(value) => setWeights((w) => ({ ...w, [key]: value ?? 0 }))}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={period ? t('assessment.edit') : t('assessment.add')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.pending}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      width={600}
    >
      {general ? <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical">
        <Form.Item label={t('assessment.name')} htmlFor="period-name" required {...on('name')}>
          <Input id="period-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item label={t('assessment.startsOn')} htmlFor="period-starts" required {...on('startsOn')}>
            <DateInput id="period-starts" value={startsOn} onChange={setStartsOn} />
          </Form.Item>
          <Form.Item label={t('assessment.endsOn')} htmlFor="period-ends" required {...on('endsOn')}>
            <DateInput id="period-ends" value={endsOn} onChange={setEndsOn} />
          </Form.Item>
        </Space>
        <Space wrap size="large">
          {percent('weightSelf')}
          {percent('weightSupervisor')}
          {percent('weightCustomers')}
        </Space>
        <Typography.Paragraph type={sum === 100 ? 'secondary' : 'danger'} role="status">
          {t('assessment.weightSum', { sum })}
        </Typography.Paragraph>
        <Space wrap size="large">
          {(['aGradeMin', 'bGradeMin'] as const).map((key) => (
            <Form.Item key={key} label={t(`assessment.${key}`)} htmlFor={`period-${key}`} {...on(key)}>
              <InputNumber
                id={`period-${key}`}
                min={0}
                max={100}
                precision={0}
                value={bands[key]}
                onChange={(value) => setBands((b) => ({ ...b, [key]: value ?? 0 }))}
              />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
