/**
 * The two decisions that need more than a click: mapping an offer onto one of head office's parts
 * or suppliers (searched as the reviewer types, the suggestion preselected) and dropping it with a
 * reason the store sees.
 */
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinOfferRow, JoinTarget } from '../../../headoffice/console/contract/join';
import { api } from '../../api';

type Props = { offer: JoinOfferRow; busy: boolean; onCancel(): void };

export function MapDialog({ offer, busy, onCancel, onMap }: Props & { onMap(targetId: string): void }) {
  const { t } = useTranslation('join');
  const suggested = offer.suggestion && offer.suggestion.why !== 'same_record' ? offer.suggestion : null;
  const [options, setOptions] = useState<JoinTarget[]>(
    suggested ? [{ id: suggested.targetId, label: suggested.label }] : [],
  );
  const [chosen, setChosen] = useState<string | undefined>(suggested?.targetId);
  const search = (q: string) => {
    const text = q.trim().slice(0, 40);
    if (!text) return;
    void api
      .get<JoinTarget[]>('/join/targets', { entity: offer.entity, q: text })
      .then(setOptions, () => setOptions([]));
  };
  return (
    <Modal
      open
      title={t(offer.entity === 'supplier' ? 'mapTitle.supplier' : 'mapTitle.part')}
      okText={t('confirm')}
      okButtonProps={{ disabled: !chosen, loading: busy }}
      onOk={() => chosen && onMap(chosen)}
      onCancel={onCancel}
    >
      <Typography.Paragraph strong>{offer.label}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('mapHelp')}</Typography.Paragraph>
      <Select
        showSearch={{ filterOption: false, onSearch: search }}
        aria-label={t('mapPick')}
        placeholder={t('mapSearch')}
        style={{ width: '100%' }}
        value={chosen}
        onChange={setChosen}
        options={options.map((o) => ({ value: o.id, label: o.label }))}
      />
    </Modal>
  );
}

export function DropDialog({ offer, busy, onCancel, onDrop }: Props & { onDrop(reason: string): void }) {
  const { t } = useTranslation('join');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('dropTitle')}
      okText={t('confirm')}
      okButtonProps={{ loading: busy }}
      onOk={() => void form.validateFields().then((v) => onDrop(v.reason.trim()))}
      onCancel={onCancel}
    >
      <Typography.Paragraph strong>{offer.label}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('dropHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('dropReason')}
          rules={[{ required: true, whitespace: true, message: t('dropReasonRequired') }]}
        >
          <Input maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
