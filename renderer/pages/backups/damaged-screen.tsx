/**
 * Shown instead of the app while the database file is damaged: what happened, that nothing more
 * is written, what to do, and the restore of a good backup by an administrator's PIN (nobody can
 * sign in on a damaged file: signing in writes).
 */
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageHealth } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { LanguageSwitch } from '../../shell/language-switch';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { sizeText, timeText } from './format';

export function DamagedScreen({ health }: { health: StorageHealth }) {
  const { t, i18n } = useTranslation('backup');
  const errorText = useErrorText();
  const staff = useDeskQuery('session.staffList', {}).state.value ?? [];
  const admins = staff.filter((s) => s.role === 'admin');
  const restore = useDeskMutation('backup.restoreDamaged');
  const [chosen, setChosen] = useState<string | undefined>(health.offered[0]?.name);
  const [adminId, setAdminId] = useState<string | undefined>(undefined);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const adminChoice = adminId ?? admins[0]?.id;

  const submit = async () => {
    if (!chosen || !adminChoice) return;
    setProblem(null);
    const result = await restore.run({ name: chosen, staffId: adminChoice, pin });
    if (!result.ok) return setProblem(result.error.key);
    // The restore says backup.changed: the app leaves this screen for the sign-in, which confirms it.
    setDone(true);
  };

  return (
    <main className="cd-centre" style={{ padding: 12 }}>
      <Card style={{ maxWidth: 720, width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <LanguageSwitch />
        </Space>
        <Alert
          type="error"
          showIcon
          role="alert"
          title={
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('damaged.title')}
            </Typography.Title>
          }
          description={
            <>
              <p>
                {t('damaged.what', { when: health.damaged ? timeText(health.damaged.foundAt, i18n.language) : '' })}
              </p>
              <p>
                <strong>{t('damaged.stopped')}</strong>
              </p>
              <p>{t(health.offered.length > 0 ? 'damaged.todo' : 'damaged.todoNoBackup')}</p>
              {health.offered.length > 0 && <p style={{ marginBottom: 0 }}>{t('damaged.afterRestore')}</p>}
            </>
          }
        />
        {done && <Alert type="success" showIcon style={{ marginTop: 16 }} title={t('page.restored')} />}
        {admins.length === 0 && health.offered.length > 0 && (
          <Alert type="warning" showIcon style={{ marginTop: 16 }} title={errorText('staff_unreadable')} />
        )}
        {health.offered.length === 0 ? (
          <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('damaged.noBackups')} />
        ) : (
          <Form layout="vertical" style={{ marginTop: 12 }} onFinish={() => void submit()}>
            <Form.Item label={t('damaged.backups')}>
              <Radio.Group
                value={chosen}
                onChange={(event) => setChosen(event.target.value as string)}
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              >
                {health.offered.map((b) => (
                  <Radio key={b.name} value={b.name}>
                    {timeText(b.createdAt, i18n.language)} · {t(`kinds.${b.kind}`)} · {sizeText(b.sizeBytes)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
              <Form.Item label={t('damaged.admin')} htmlFor="damaged-admin" style={{ flex: '1 1 220px' }}>
                <Select
                  id="damaged-admin"
                  value={adminChoice}
                  onChange={setAdminId}
                  options={admins.map((a) => ({ value: a.id, label: a.name }))}
                />
              </Form.Item>
              <Form.Item
                label={t('damaged.pin')}
                htmlFor="damaged-pin"
                style={{ flex: '1 1 220px' }}
                validateStatus={problem ? 'error' : undefined}
                help={problem ? errorText(problem) : undefined}
              >
                <Input.Password
                  id="damaged-pin"
                  value={pin}
                  inputMode="numeric"
                  maxLength={8}
                  autoComplete="off"
                  onChange={(event) => setPin(event.target.value)}
                />
              </Form.Item>
            </div>
            <Button
              type="primary"
              danger
              htmlType="submit"
              loading={restore.pending}
              disabled={!chosen || !adminChoice || pin.length < 4 || done}
            >
              {t('damaged.restore')}
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
