/** A period's rows as the caller may see them: rank, the three parts, the weighted total and the grade. */
import { Button, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentRow, PeriodView } from '../../../db/api';

/** Hundredths of a point as the desk computed them: 8650 → "86.50". */
export const points = (x100: number | null): string => (x100 === null ? '' : (x100 / 100).toFixed(2));

export function RankingTable({ view, onRate }: { view: PeriodView; onRate: (row: AssessmentRow) => void }) {
  const { t } = useTranslation('training');
  const anyRate = view.rows.some((r) => r.canRate);
  return (
    <Table<AssessmentRow>
      rowKey="staffId"
      size="small"
      pagination={false}
      dataSource={[...view.rows]}
      aria-label={t('tabs.assessment')}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'rank', title: t('assessment.rank'), width: 70, align: 'right', render: (_, r) => r.rank ?? '' },
        { key: 'name', title: t('assessment.person'), width: 120, render: (_, r) => r.name },
        {
          key: 'group',
          title: t('assessment.group'),
          width: 130,
          render: (_, r) => (r.group ? t(`audiences.${r.group}`) : ''),
        },
        { key: 'self', title: t('assessment.self'), width: 80, align: 'right', render: (_, r) => r.selfScore ?? '' },
        {
          key: 'supervisor',
          title: t('assessment.supervisor'),
          width: 110,
          align: 'right',
          render: (_, r) =>
            r.supervisorNote ? (
              <Tooltip title={r.supervisorNote}>
                <span>{r.supervisorScore ?? ''}</span>
              </Tooltip>
            ) : (
              (r.supervisorScore ?? '')
            ),
        },
        {
          key: 'customers',
          title: t('assessment.customers'),
          width: 190,
          render: (_, r) =>
            r.customerCount > 0
              ? t('assessment.customersCount', { score: points(r.customerX100), n: r.customerCount })
              : r.spread
                ? t('assessment.spread')
                : '',
        },
        {
          key: 'total',
          title: t('assessment.total'),
          width: 170,
          align: 'right',
          render: (_, r) =>
            r.totalX100 === null ? (
              <span>
                {t('assessment.missing', {
                  parts: r.missing.map((p) => t(`assessment.parts.${p}`)).join(t('assessment.partsSeparator')),
                })}
              </span>
            ) : (
              <strong>{points(r.totalX100)}</strong>
            ),
        },
        {
          key: 'grade',
          title: t('assessment.grade'),
          width: 70,
          render: (_, r) => (r.grade ? <Tag color={r.grade === 'A' ? 'green' : undefined}>{r.grade}</Tag> : ''),
        },
        ...(anyRate
          ? [
              {
                key: 'rate',
                title: '',
                width: 90,
                render: (_: unknown, r: AssessmentRow) =>
                  r.canRate ? (
                    <Button size="small" onClick={() => onRate(r)} aria-label={`${t('assessment.rate')} ${r.name}`}>
                      {t('assessment.rate')}
                    </Button>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
