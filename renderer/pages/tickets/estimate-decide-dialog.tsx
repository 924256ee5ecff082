/**
 * Recording the customer's decision on the current version: in person with a signature on the pad,
 * or by phone with who said so. The SHA-256 of the version's canonical JSON — the figures shown
 * here — goes with it, and the store refuses the decision if the version changed meanwhile.
 */
import { Alert, Button, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  estimateCanonicalJson,
  type EstimateDecision,
  type EstimateDecisionMethod,
  type EstimateView,
  type TicketDetail,
} from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskMutation } from '../../use-desk';
import { formatFen } from '../parts/format';
import { EstimateLines } from './estimate-lines';
import { PAD_HEIGHT, PAD_WIDTH, SignaturePad, type Stroke } from './signature-pad';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type Props = {
  ticket: TicketDetail;
  estimate: EstimateView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
};

export function EstimateDecideDialog(props: Props) {
  const { t } = useTranslation('tickets');
  return (
    <Modal
      open={props.open}
      title={t('estimate.decideDialog.title', { version: props.estimate.version })}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
      width={760}
    >
      {props.open ? <DecideForm {...props} /> : null}
    </Modal>
  );
}

function DecideForm({ ticket, estimate, onClose, onDone }: Props) {
  const { t } = useTranslation('tickets');
  const { t: common } = useTranslation();
  const errorText = useErrorText();
  const decide = useDeskMutation('tickets.estimateDecide');
  const [method, setMethod] = useState<EstimateDecisionMethod>('signature');
  const [decision, setDecision] = useState<EstimateDecision>('approved');
  const [customerName, setCustomerName] = useState(ticket.customerName);
  const [note, setNote] = useState('');
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [hash, setHash] = useState('');
  const [error, setError] = useState<string | null>(null);
  const json = estimateCanonicalJson(estimate);

  useEffect(() => {
    let live = true;
    void sha256Hex(json).then((digest) => {
      if (live) setHash(digest);
    });
    return () => {
      live = false;
    };
  }, [json]);

  const signing = method === 'signature' && decision === 'approved';
  const submit = async (): Promise<void> => {
    setError(null);
    const result = await decide.run({
      estimateId: estimate.id,
      decision,
      method,
      customerName,
      estimateHash: hash,
      note,
      ...(signing ? { signature: { width: PAD_WIDTH, height: PAD_HEIGHT, strokes } } : {}),
    });
    if (result.ok) onDone();
    else setError(errorText(result.error.key));
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <section aria-label={t('estimate.title')}>
        <EstimateLines estimate={estimate} />
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {t('estimate.total')}: <Typography.Text strong>{formatFen(estimate.totalFen)}</Typography.Text>
          {' · '}
          {t('estimate.validUntil')}: {estimate.validUntil}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('estimate.decideDialog.hash', { hash: hash.slice(0, 16) })}
        </Typography.Text>
      </section>
      <Space wrap size={24}>
        <Radio.Group
          aria-label={t('estimate.decideDialog.how')}
          value={method}
          onChange={(e) => setMethod(e.target.value as EstimateDecisionMethod)}
          options={[
            { value: 'signature', label: t('estimate.decideDialog.inPerson') },
            { value: 'phone', label: t('estimate.decideDialog.byPhone') },
          ]}
        />
        <Radio.Group
          aria-label={t('estimate.decideDialog.decision')}
          value={decision}
          onChange={(e) => setDecision(e.target.value as EstimateDecision)}
          options={[
            { value: 'approved', label: t('estimate.decisions.approved') },
            { value: 'declined', label: t('estimate.decisions.declined') },
          ]}
        />
      </Space>
      <Space wrap size={16} align="start">
        <label htmlFor="estimate-customer-name">
          <div style={{ marginBottom: 4 }}>{t('estimate.decideDialog.customerName')}</div>
          <Input
            id="estimate-customer-name"
            value={customerName}
            maxLength={40}
            onChange={(e) => setCustomerName(e.target.value)}
            style={{ width: 220 }}
          />
        </label>
        <label htmlFor="estimate-decision-note" style={{ minWidth: 320 }}>
          <div style={{ marginBottom: 4 }}>{t('estimate.decideDialog.note')}</div>
          <Input id="estimate-decision-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
      </Space>
      {signing ? (
        <>
          <Typography.Text>{t('estimate.decideDialog.sign')}</Typography.Text>
          <SignaturePad strokes={strokes} onChange={setStrokes} />
        </>
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      <Space>
        <Button type="primary" onClick={() => void submit()} loading={decide.pending} disabled={hash === ''}>
          {t('estimate.decideDialog.save')}
        </Button>
        <Button onClick={onClose}>{common('form.cancel')}</Button>
      </Space>
    </Space>
  );
}
