/**
 * The SLA target table on the Service standards page: reply and resolution minutes per ticket type ×
 * priority × customer tier, and whether they count working or calendar hours (db/tickets/targets.ts).
 * Rows are checked with the desk's own schema as they are typed; the desk checks them again and
 * saves all or none. Once the PC is enrolled the standards are head office's: shown, not edited.
 */
import { Alert, App, Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOCK_COUNTS,
  slaTargetSchema,
  TICKET_TYPES,
  type ClockCounts,
  type SlaTargetView,
  type TicketType,
} from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { useTicketFormat } from './format';

type Row = SlaTargetView & { key: string };
type Draft = Record<string, { replyMinutes: number | null; resolveMinutes: number | null; counts: ClockCounts }>;

const rowKey = (r: Pick<SlaTargetView, 'ticketType' | 'priority' | 'tier'>): string =>
  `${r.ticketType}:${r.priority}:${r.tier}`;

/** The target as a person reads it, with its clock: "24 小时（自然时）", "15 min (working)". */
function Span({ minutes, counts }: { minutes: number | null; counts: ClockCounts }) {
  const format = useTicketFormat();
  return minutes === null || minutes < 1 ? null : (
    <Typography.Text type="secondary" data-testid="sla-span" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
      {format.span(minutes, counts)}
    </Typography.Text>
  );
}

export function SlaTargetsEditor() {
  const { state } = useDeskQuery('tickets.slaTargets', {}, { refetchOn: ['tickets.changed'] });
  return state.value ? <Editor key={JSON.stringify(state.value)} targets={state.value} /> : null;
}

function Editor({ targets }: { targets: ReadonlyArray<SlaTargetView> }) {
  const { t } = useTranslation('tickets');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { can } = useSignedIn();
  const { state: sync } = useDeskQuery('sync.status', {}, { refetchOn: ['sync.changed'] });
  const hqOwned = sync.value?.enrolled === true;
  const editable = can('tickets.settings') && !hqOwned;
  const save = useDeskMutation('tickets.saveSlaTargets');
  const [type, setType] = useState<TicketType>('complaint');
  const [draft, setDraft] = useState<Draft>({});
  const [serverError, setServerError] = useState<string | null>(null);

  const label = (r: SlaTargetView): string =>
    `${t(`types.${r.ticketType}`)} · ${t(`priorities.${r.priority}`)} · ${t(`tiers.${r.tier}`)}`;
  const current = (r: SlaTargetView) => ({ ...r, ...draft[rowKey(r)] });
  const changed = targets.filter((r) => {
    const d = draft[rowKey(r)];
    return (
      d !== undefined &&
      (d.replyMinutes !== r.replyMinutes || d.resolveMinutes !== r.resolveMinutes || d.counts !== r.counts)
    );
  });
  // The first problem of each changed row, by the same schema the desk applies.
  const problems = new Map<string, string>();
  for (const r of changed) {
    const checked = slaTargetSchema.safeParse(current(r));
    if (!checked.success) problems.set(rowKey(r), checked.error.issues[0]?.message ?? 'invalid_value');
  }

  const edit = <F extends 'replyMinutes' | 'resolveMinutes' | 'counts'>(
    r: SlaTargetView,
    field: F,
    value: Draft[string][F],
  ): void => {
    setDraft((d) => ({
      ...d,
      [rowKey(r)]: {
        ...{ replyMinutes: r.replyMinutes, resolveMinutes: r.resolveMinutes, counts: r.counts },
        ...d[rowKey(r)],
        [field]: value,
      },
    }));
  };
  const submit = async (): Promise<void> => {
    if (changed.length === 0) {
      void message.info(t('slaTargets.unchanged'));
      return;
    }
    const result = await save.run({
      targets: changed.map((r) => ({
        ...current(r),
        replyMinutes: current(r).replyMinutes ?? 0,
        resolveMinutes: current(r).resolveMinutes ?? 0,
      })),
    });
    if (result.ok) {
      setServerError(null);
      void message.success(t('slaTargets.saved'));
    } else setServerError(result.error.key);
  };

  const rows: Row[] = targets.filter((r) => r.ticketType === type).map((r) => ({ ...r, key: rowKey(r) }));
  return (
    <Card
      size="small"
      title={t('slaTargets.title')}
      role="region"
      aria-label={t('slaTargets.title')}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">
        {hqOwned ? t('slaTargets.hqOwned') : editable ? t('slaTargets.note') : t('slaTargets.readOnly')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<TicketType>
          aria-label={t('slaTargets.filterType')}
          value={type}
          onChange={setType}
          options={TICKET_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
          style={{ width: 220 }}
          virtual={false}
        />
      </Space>
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            key: 'priority',
            title: t('slaTargets.priority'),
            render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{t(`priorities.${r.priority}`)}</span>,
          },
          {
            key: 'tier',
            title: t('slaTargets.tier'),
            render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{t(`tiers.${r.tier}`)}</span>,
          },
          {
            key: 'reply',
            title: t('slaTargets.reply'),
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                <InputNumber
                  aria-label={t('slaTargets.replyOf', { row: label(r) })}
                  disabled={!editable}
                  min={1}
                  precision={0}
                  value={current(r).replyMinutes}
                  onChange={(v) => edit(r, 'replyMinutes', v)}
                  status={problems.has(r.key) ? 'error' : undefined}
                />
                <Span minutes={current(r).replyMinutes} counts={current(r).counts} />
              </Space>
            ),
          },
          {
            key: 'resolve',
            title: t('slaTargets.resolve'),
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                <InputNumber
                  aria-label={t('slaTargets.resolveOf', { row: label(r) })}
                  disabled={!editable}
                  min={1}
                  precision={0}
                  value={current(r).resolveMinutes}
                  onChange={(v) => edit(r, 'resolveMinutes', v)}
                  status={problems.has(r.key) ? 'error' : undefined}
                />
                <Span minutes={current(r).resolveMinutes} counts={current(r).counts} />
              </Space>
            ),
          },
          {
            key: 'counts',
            title: t('slaTargets.counts'),
            render: (_, r) => (
              <Select<ClockCounts>
                aria-label={t('slaTargets.countsOf', { row: label(r) })}
                disabled={!editable}
                value={current(r).counts}
                onChange={(v) => edit(r, 'counts', v)}
                options={CLOCK_COUNTS.map((v) => ({ value: v, label: t(`slaTargets.clock.${v}`) }))}
                style={{ width: 190 }}
                virtual={false}
              />
            ),
          },
        ]}
      />
      {[...problems].map(([key, problem]) => {
        const r = targets.find((x) => rowKey(x) === key)!;
        return (
          <Alert
            key={key}
            type="error"
            showIcon
            role="alert"
            title={t('slaTargets.rowError', { row: label(r), error: errorText(problem) })}
            style={{ marginTop: 8 }}
          />
        );
      })}
      {serverError ? (
        <Alert type="error" showIcon role="alert" title={errorText(serverError)} style={{ marginTop: 8 }} />
      ) : null}
      {editable ? (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          loading={save.pending}
          disabled={problems.size > 0}
          onClick={() => void submit()}
        >
          {t('slaTargets.save')}
        </Button>
      ) : null}
    </Card>
  );
}
