/**
 * One store: its record, its PCs with what each last reported, the actions on them (issue an
 * enrollment code, revoke, retire, each with a reason for the audit log) and its sync problems.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeviceRow, IssuedCode, StoreDetail } from '../../../headoffice/console/contract/stores';
import { api, ApiError } from '../../api';
import { useStaff } from '../../session';
import { errorText } from '../../shell/error-text';
import { useApi } from '../../use-api';
import { HealthTag, useOffset, useWhen } from './health-tag';
import { SyncProblems } from './problems';
import { StoreForm } from './store-form';

const STATUS_COLOUR = { active: 'green', revoked: 'red', retired: 'default' } as const;

function IssueCode({ code, onClose }: { code: string; onClose: () => void }) {
  const { t, i18n } = useTranslation(['stores', 'common']);
  const [hours, setHours] = useState(24);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const issue = async () => {
    try {
      setIssued(await api.send<IssuedCode>('POST', `/stores/${code}/codes`, { hours }));
    } catch (error) {
      setProblem(error instanceof ApiError && error.code === 'store_closed' ? t('store_closed') : errorText(error));
    }
  };
  return (
    <Modal
      open
      title={t('codeTitle', { code })}
      onCancel={onClose}
      footer={
        issued ? (
          <Button type="primary" onClick={onClose}>
            {t('done')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="primary" onClick={() => void issue()}>
              {t('issueCode')}
            </Button>
          </Space>
        )
      }
    >
      {issued ? (
        <>
          <Typography.Paragraph>{t('codeOnce')}</Typography.Paragraph>
          <Typography.Title
            level={2}
            copyable={{ tooltips: [t('codeCopy'), t('codeCopied')] }}
            data-testid="enrollment-code"
          >
            {issued.code}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('codeExpires', { at: new Date(issued.expiresAt).toLocaleString(i18n.language) })}
          </Typography.Text>
        </>
      ) : (
        <label>
          {t('issueHours')}{' '}
          <InputNumber
            min={1}
            max={24}
            value={hours}
            onChange={(v) => setHours(v ?? 24)}
            aria-label={t('issueHours')}
          />
        </label>
      )}
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

function DeviceAction({
  code,
  device,
  action,
  onDone,
}: {
  code: string;
  device: DeviceRow;
  action: 'revoke' | 'retire';
  onDone: (detail: StoreDetail | null) => void;
}) {
  const { t } = useTranslation(['stores', 'common']);
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const act = async () => {
    try {
      const detail = await api.send<StoreDetail>('POST', `/stores/${code}/devices/${device.id}/${action}`, { reason });
      void message.success(t(action === 'revoke' ? 'revoked_ok' : 'retired_ok', { name: device.name }));
      onDone(detail);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <Modal
      open
      title={t(`${action}Title`, { name: device.name })}
      okText={t(action)}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
      cancelText={t('common:action.cancel')}
      onOk={() => void act()}
      onCancel={() => onDone(null)}
    >
      <Typography.Paragraph>{t(`${action}Text`)}</Typography.Paragraph>
      <label htmlFor="hq-device-reason">{t('reason')}</label>
      <Input id="hq-device-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      <Typography.Text type="secondary">{t('reasonHint')}</Typography.Text>
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

export function StoreDetailView({ code }: { code: string }) {
  const { t } = useTranslation(['stores', 'common']);
  const { can } = useStaff();
  const when = useWhen();
  const offset = useOffset();
  const [retired, setRetired] = useState(false);
  const [editing, setEditing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [acting, setActing] = useState<{ device: DeviceRow; action: 'revoke' | 'retire' } | null>(null);
  const detail = useApi(
    () => api.get<StoreDetail>(`/stores/${code}`, { retired: retired ? 'show' : 'hide' }),
    [code, retired],
  );
  const store = detail.data?.store;
  const manage = can('stores.manage');

  return (
    <>
      <Link to="/stores">
        <ArrowLeftOutlined /> {t('back')}
      </Link>
      {detail.problem && <Alert type="error" showIcon title={detail.problem} style={{ margin: '12px 0' }} />}
      {store && (
        <>
          <Space style={{ width: '100%', justifyContent: 'space-between', margin: '8px 0' }} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {store.code} · {store.name} <HealthTag health={store.health} />
            </Typography.Title>
            {manage && (
              <Space>
                <Button onClick={() => setEditing(true)}>{t('edit')}</Button>
                <Button type="primary" onClick={() => setIssuing(true)} disabled={store.status === 'closed'}>
                  {t('issueCode')}
                </Button>
              </Space>
            )}
          </Space>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('address')}>{store.address || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('timeZone')}>{store.timeZone}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>{t(`status.${store.status}`)}</Descriptions.Item>
          </Descriptions>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('devices')}
            </Typography.Title>
            <Checkbox checked={retired} onChange={(e) => setRetired(e.target.checked)}>
              {t('showRetired')}
            </Checkbox>
          </Space>
          <Table<DeviceRow>
            rowKey="id"
            size="small"
            tableLayout="fixed"
            style={{ margin: '8px 0 16px' }}
            loading={detail.loading}
            dataSource={detail.data?.devices ?? []}
            pagination={false}
            columns={[
              { title: t('device'), dataIndex: 'name', ellipsis: { showTitle: true } },
              { title: t('counterNo'), dataIndex: 'counterNo', width: 84, render: (n: number | null) => n ?? '—' },
              {
                title: t('status'),
                dataIndex: 'status',
                width: 150,
                render: (status: DeviceRow['status'], d) => (
                  <Space size={4}>
                    <Tag color={STATUS_COLOUR[status]}>{t(`device.${status}`)}</Tag>
                    {status === 'active' && <HealthTag health={d.health} />}
                  </Space>
                ),
              },
              {
                title: t('version'),
                dataIndex: 'appVersion',
                width: 100,
                ellipsis: true,
                render: (v: string | null) => v ?? '—',
              },
              { title: t('lastPush'), dataIndex: 'lastPushAt', width: 130, render: (at: string | null) => when(at) },
              { title: t('lastPull'), dataIndex: 'lastPullAt', width: 130, render: (at: string | null) => when(at) },
              {
                title: t('pending'),
                dataIndex: 'pendingChanges',
                width: 84,
                align: 'right',
                render: (n: number | null) => n ?? '—',
              },
              { title: t('refusedTotal'), dataIndex: 'refusedChanges', width: 84, align: 'right' },
              { title: t('clock'), dataIndex: 'clockOffsetMs', width: 100, render: (ms: number | null) => offset(ms) },
              ...(manage
                ? [
                    {
                      title: '',
                      key: 'actions',
                      width: 130,
                      render: (_: unknown, d: DeviceRow) => (
                        <Space size={4}>
                          {d.status === 'active' && (
                            <Button size="small" danger onClick={() => setActing({ device: d, action: 'revoke' })}>
                              {t('revoke')}
                            </Button>
                          )}
                          {d.status !== 'retired' && (
                            <Button size="small" onClick={() => setActing({ device: d, action: 'retire' })}>
                              {t('retire')}
                            </Button>
                          )}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Title level={4}>{t('problems')}</Typography.Title>
          <SyncProblems code={store.code} counts={detail.data!.problems} />
          <StoreForm
            editing={store}
            open={editing}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              detail.reload();
            }}
          />
          {issuing && (
            <IssueCode
              code={store.code}
              onClose={() => {
                setIssuing(false);
                detail.reload();
              }}
            />
          )}
          {acting && (
            <DeviceAction
              code={store.code}
              device={acting.device}
              action={acting.action}
              onDone={(next) => {
                setActing(null);
                if (next) detail.reload();
              }}
            />
          )}
        </>
      )}
    </>
  );
}
