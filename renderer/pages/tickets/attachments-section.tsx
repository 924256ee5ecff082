/**
 * Photos of the goods, receipts and other evidence, added from a file. Pictures are scaled down
 * here before sending (longest side 1600 px, JPEG) so a phone photo fits the store's size limit;
 * the main process checks the bytes and the size again.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Image, Input, List, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, type AttachmentMeta, type TicketDetail } from '../../../db/api';
import { desk } from '../../desk';
import { useErrorText } from '../../forms/error-text';
import { useDeskMutation } from '../../use-desk';
import { useTicketFormat } from './format';

const LONGEST_SIDE = 1600;

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The file as it is if it is small enough, else re-encoded as JPEG at a size that fits. */
async function fitPhoto(file: File): Promise<{ mime: 'image/jpeg' | 'image/png' | 'image/webp'; blob: Blob } | null> {
  const kinds = ['image/jpeg', 'image/png', 'image/webp'] as const;
  const kind = kinds.find((k) => k === file.type);
  if (kind && file.size <= ATTACHMENT_MAX_BYTES) return { mime: kind, blob: file };
  const bitmap = await createImageBitmap(file);
  for (const [side, quality] of [
    [LONGEST_SIDE, 0.85],
    [1200, 0.75],
    [900, 0.7],
  ] as const) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= ATTACHMENT_MAX_BYTES) return { mime: 'image/jpeg', blob };
  }
  return null;
}

function Thumbnail({ attachment }: { attachment: AttachmentMeta }) {
  const { t } = useTranslation('tickets');
  const [src, setSrc] = useState<string | null>(null);
  const load = async (): Promise<void> => {
    const result = await desk.call('tickets.attachment', { id: attachment.id });
    if (result.ok) setSrc(`data:${result.value.mime};base64,${result.value.dataBase64}`);
  };
  return src ? (
    <Image src={src} alt={attachment.caption || attachment.fileName} width={120} />
  ) : (
    <Button onClick={() => void load()}>{t('detail.open')}</Button>
  );
}

export function AttachmentsSection({
  ticket,
  onChanged,
}: {
  ticket: TicketDetail;
  onChanged: (ticket: TicketDetail) => void;
}) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const format = useTicketFormat();
  const attach = useDeskMutation('tickets.attach');
  const input = useRef<HTMLInputElement>(null);
  const [caption, setCaption] = useState('');

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const photo = await fitPhoto(file).catch(() => null);
    if (!photo) {
      void message.error(t('detail.photoTooLarge'));
      return;
    }
    const result = await attach.run({
      ticketId: ticket.id,
      fileName: file.name.slice(0, 120) || 'photo',
      mime: photo.mime,
      dataBase64: await blobToBase64(photo.blob),
      caption,
    });
    if (input.current) input.current.value = '';
    if (result.ok) {
      setCaption('');
      void message.success(t('detail.photoAdded'));
      onChanged(result.value);
    } else void message.error(errorText(result.error.key));
  };

  return (
    <Card size="small" title={t('detail.attachments')} role="region" aria-label={t('detail.attachments')}>
      {ticket.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noAttachments')}</Typography.Text>
      ) : (
        <List
          dataSource={[...ticket.attachments]}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <Space align="start">
                <Thumbnail attachment={a} />
                <div>
                  <div>{a.caption || a.fileName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {format.dateTime(a.createdAt)} · {a.createdByName} · {Math.round(a.size / 1024)} KB
                  </Typography.Text>
                </div>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <Input
          aria-label={t('detail.photoCaption')}
          placeholder={t('detail.photoCaption')}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
          maxLength={200}
          style={{ width: 200 }}
        />
        <input
          ref={input}
          type="file"
          accept="image/*"
          hidden
          aria-label={t('detail.addPhoto')}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <Button
          icon={<PaperClipOutlined aria-hidden />}
          loading={attach.pending}
          onClick={() => input.current?.click()}
        >
          {t('detail.addPhoto')}
        </Button>
      </Space>
    </Card>
  );
}
