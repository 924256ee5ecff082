/**
 * Customer message settings (客户短信): the store's quiet hours and the text per event and language,
 * each with a live preview and its length in SMS. The desk checks every template again on save
 * (unknown placeholders, length once rendered) and writes nothing if one is refused.
 */
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECK_HINT,
  renderTemplate,
  smsSegments,
  type MessageEvent,
  type MessageLanguage,
  type MessagePreview,
  type MessageSettingsPage,
} from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { FieldFrame } from '../../forms/fields';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';

type Draft = Record<string, { event: MessageEvent; language: MessageLanguage; body: string; defaultBody: string }>;

const keyOf = (event: string, language: string) => `${event}:${language}`;

export function MessageSettingsPage() {
  const { t } = useTranslation('tickets');
  const { state } = useDeskQuery('tickets.messageSettings', {}, { refetchOn: ['tickets.changed'] });
  return (
    <section aria-labelledby="message-settings-title" style={{ maxWidth: 860 }}>
      <Typography.Title level={2} id="message-settings-title" style={{ marginTop: 0 }}>
        {t('messageSettings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('messageSettings.intro')}</Typography.Paragraph>
      {state.value ? <SettingsForm key={JSON.stringify(state.value)} settings={state.value} /> : null}
    </section>
  );
}

function SettingsForm({ settings }: { settings: MessageSettingsPage }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const { can } = useSignedIn();
  const save = useDeskMutation('tickets.saveMessageSettings');
  const [quietStart, setQuietStart] = useState(settings.quietHours.start);
  const [quietEnd, setQuietEnd] = useState(settings.quietHours.end);
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      settings.templates.map((x) => [
        keyOf(x.event, x.language),
        { event: x.event, language: x.language, body: x.body, defaultBody: x.defaultBody },
      ]),
    ),
  );
  const [error, setError] = useState<{ field?: string; key: string } | null>(null);
  const errorText = useErrorText();
  const editable = can('messages.settings');
  const entries = Object.entries(draft);
  const submit = async (): Promise<void> => {
    const templates = entries.map(([, d]) => ({ event: d.event, language: d.language, body: d.body }));
    const result = await save.run({ quietStart, quietEnd, templates });
    if (result.ok) {
      setError(null);
      void message.success(t('messageSettings.saved'));
    } else setError({ key: result.error.key, ...(result.error.field ? { field: result.error.field } : {}) });
  };
  const fieldError = (field: string) => (error?.field === field ? error.key : undefined);
  return (
    <Form layout="vertical" onFinish={() => void submit()} disabled={!editable}>
      {!editable ? (
        <Alert type="info" showIcon title={t('messageSettings.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      <Card size="small" title={t('messageSettings.quietHours')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('messageSettings.quietHoursHelp')}</Typography.Paragraph>
        <Space wrap size={24}>
          <FieldFrame id="quiet-start" label={t('messageSettings.quietStart')} error={fieldError('quietStart')}>
            <Input
              id="quiet-start"
              value={quietStart}
              onChange={(e) => setQuietStart(e.target.value)}
              maxLength={5}
              style={{ width: 100 }}
            />
          </FieldFrame>
          <FieldFrame id="quiet-end" label={t('messageSettings.quietEnd')} error={fieldError('quietEnd')}>
            <Input
              id="quiet-end"
              value={quietEnd}
              onChange={(e) => setQuietEnd(e.target.value)}
              maxLength={5}
              style={{ width: 100 }}
            />
          </FieldFrame>
        </Space>
      </Card>
      <Card size="small" title={t('messageSettings.templates')} style={{ marginBottom: 16 }}>
        {entries.map(([key, d], index) => (
          <TemplateField
            preview={settings.preview}
            key={key}
            index={index}
            draft={d}
            error={fieldError(`templates.${index}.body`)}
            onChange={(body) => setDraft((all) => ({ ...all, [key]: { ...d, body } }))}
          />
        ))}
      </Card>
      {error && !error.field ? (
        <Alert type="error" showIcon title={errorText(error.key)} style={{ marginBottom: 16 }} />
      ) : null}
      <Button type="primary" htmlType="submit" loading={save.pending}>
        {t('messageSettings.save')}
      </Button>
    </Form>
  );
}

/** An appointment time as long as the real ones (the store's name, phone and ticket number are its own). */
const SAMPLE_TIME: Readonly<Record<Draft[string]['language'], string>> = {
  'zh-CN': '11月24日 周二 14:00',
  en: 'Tue 24 Nov 14:00',
};

function TemplateField({
  preview: values,
  index,
  draft,
  error,
  onChange,
}: {
  preview: MessagePreview;
  index: number;
  draft: Draft[string];
  error: string | undefined;
  onChange: (body: string) => void;
}) {
  const { t } = useTranslation('tickets');
  const id = `template-${index}`;
  const preview = renderTemplate(draft.body, {
    ...values,
    time: SAMPLE_TIME[draft.language],
    check: CHECK_HINT[draft.language],
  });
  const { segments } = smsSegments(preview);
  const edited = draft.body !== draft.defaultBody;
  const label = `${t(`messages.events.${draft.event}`)} · ${t(`messageSettings.language.${draft.language}`)}`;
  return (
    <FieldFrame
      id={id}
      label={label}
      error={error}
      help={
        <span>
          {t('messageSettings.preview')}: {preview}{' '}
          <Typography.Text strong={segments > 1} data-testid="template-segments">
            ({t('messageSettings.segments', { chars: preview.length, segments })})
          </Typography.Text>
        </span>
      }
    >
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea
          id={id}
          value={draft.body}
          onChange={(e) => onChange(e.target.value)}
          maxLength={400}
          autoSize={{ minRows: 1, maxRows: 4 }}
        />
        {edited ? <Button onClick={() => onChange(draft.defaultBody)}>{t('messageSettings.reset')}</Button> : null}
      </Space.Compact>
      {edited ? <Tag style={{ marginTop: 4 }}>{t('messageSettings.edited')}</Tag> : null}
    </FieldFrame>
  );
}
