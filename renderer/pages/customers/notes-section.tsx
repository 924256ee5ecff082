/** Service notes (服务记录): appended with who and when, never edited. */
import { Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteEntry } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation } from '../../use-desk';

export function NotesSection({ customerId, notes }: { customerId: string; notes: ReadonlyArray<NoteEntry> }) {
  const { t, i18n } = useTranslation('cust');
  const errorText = useErrorText();
  const { can } = useSignedIn();
  const add = useDeskMutation('customers.addNote');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const submit = async () => {
    const result = await add.run({ customerId, body });
    if (result.ok) {
      setBody('');
      setError(null);
    } else setError(result.error.key);
  };
  return (
    <Card role="region" aria-label={t('notes.title')} title={t('notes.title')} size="small">
      {can('customers.write') ? (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input.TextArea
            aria-label={t('notes.new')}
            placeholder={t('notes.placeholder')}
            value={body}
            maxLength={2000}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(e) => setBody(e.target.value)}
            status={error ? 'error' : undefined}
          />
          <Button type="primary" loading={add.pending} disabled={body.trim() === ''} onClick={() => void submit()}>
            {t('notes.add')}
          </Button>
        </Space.Compact>
      ) : null}
      {error ? <Typography.Text type="danger">{errorText(error)}</Typography.Text> : null}
      {notes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notes.none')} />
      ) : (
        <List
          size="small"
          dataSource={[...notes]}
          renderItem={(note) => (
            <List.Item key={note.id}>
              <List.Item.Meta
                title={<span style={{ whiteSpace: 'pre-wrap' }}>{note.body}</span>}
                description={`${note.staffName ?? '—'} · ${when(note.createdAt)}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
