/**
 * The after-sales manager's start page: today's figures, each a number that opens the queue it
 * counts (the same query, so the queue lists exactly that many), and this week's satisfaction
 * from the follow-up calls, which opens the reports.
 */
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketQueue } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskQuery } from '../../use-desk';
import { useTicketFormat } from '../tickets/format';
import { queueHrefFor, reportsHref } from '../tickets/route';

type Figure = { key: 'open' | 'breached' | 'dueToday' | 'forManager'; queue: TicketQueue; danger?: boolean };

const FIGURES: ReadonlyArray<Figure> = [
  { key: 'open', queue: 'open' },
  { key: 'breached', queue: 'breached', danger: true },
  { key: 'dueToday', queue: 'due_today' },
  { key: 'forManager', queue: 'for_manager', danger: true },
];

export function TodayPage() {
  const { t } = useTranslation('board');
  const errorText = useErrorText();
  const format = useTicketFormat();
  const { state } = useDeskQuery('tickets.today', {}, { refetchOn: ['tickets.changed'] });
  const figures = state.value;
  const satisfaction = figures?.satisfaction;
  return (
    <section aria-labelledby="today-title">
      <Typography.Title level={2} id="today-title" style={{ marginTop: 0 }}>
        {t('today.title')}
        {figures ? (
          <Typography.Text type="secondary" style={{ fontSize: 16, marginInlineStart: 12, fontWeight: 'normal' }}>
            {format.date(figures.today)}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      <Row gutter={[16, 16]}>
        {FIGURES.map((figure) => {
          const value = figures?.[figure.key];
          return (
            <Col key={figure.key} flex="1 1 200px">
              {/* Named by what it shows (title, number, "open the queue"), so a spoken command matches it. */}
              <a href={queueHrefFor(figure.queue)} style={{ display: 'block', height: '100%' }}>
                <Card hoverable loading={figures === undefined} style={{ height: '100%' }}>
                  <Statistic
                    title={t(`today.${figure.key}`)}
                    value={value ?? 0}
                    styles={{
                      content: { color: figure.danger && (value ?? 0) > 0 ? 'var(--cd-danger, #c41d1d)' : undefined },
                    }}
                  />
                  <Typography.Text type="secondary">{t('today.openQueue')} →</Typography.Text>
                </Card>
              </a>
            </Col>
          );
        })}
        <Col flex="1 1 200px">
          <a href={reportsHref} style={{ display: 'block', height: '100%' }}>
            <Card hoverable loading={figures === undefined} style={{ height: '100%' }}>
              <Statistic
                title={t('today.satisfaction')}
                value={satisfaction?.average ?? '–'}
                suffix={
                  satisfaction?.average !== null && satisfaction?.average !== undefined ? t('today.outOf') : undefined
                }
              />
              <Typography.Text type="secondary">
                {satisfaction && satisfaction.ratings > 0
                  ? t('today.ratings', { count: satisfaction.ratings, low: satisfaction.low })
                  : t('today.noRatings')}
                {satisfaction
                  ? ` · ${t('today.week', { from: format.date(satisfaction.weekFrom), to: format.date(satisfaction.weekTo) })}`
                  : ''}
              </Typography.Text>
            </Card>
          </a>
        </Col>
      </Row>
    </section>
  );
}
