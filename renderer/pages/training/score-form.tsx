/** A score 0–100 with a note: one's own self-assessment, or the supervisor's rating of someone in reach. */
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskResult } from '../../../db/api';
import { useFieldError } from './field-error';

type Props = {
  title: string;
  initial: { score: number | null; note: string };
  pending: boolean;
  save: (input: { score: number; note: string }) => Promise<DeskResult<unknown>>;
  onClose: () => void;
};

export function ScoreForm({ title, initial, pending, save, onClose }: Props) {
  const { t } = useTranslation('training');
  const { setError, on, general } = useFieldError();
  const [score, setScore] = useState<number | null>(initial.score);
  const [note, setNote] = useState(initial.note);
  const submit = async (): Promise<void> => {
    const result = await save({ score: score ?? -1, note });
    if (result.ok) onClose();
    else setError(result.error);
  };
  return (
    <Modal
      open
      title={title}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {general ? <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical">
        <Form.Item label={t('assessment.score')} htmlFor="score-value" required {...on('score')}>
          <InputNumber id="score-value" min={0} max={100} precision={0} value={score} onChange={setScore} />
        </Form.Item>
        <Form.Item label={t('assessment.note')} htmlFor="score-note" {...on('note')}>
          <Input.TextArea
            id="score-note"
            rows={3}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
