/**
 * A year at a glance: twelve small months, Monday first, closed days in red and make-up working
 * days in blue, weekends greyed. Clicking a day picks it for the editor below.
 */
import { Card, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionDay } from '../../../headoffice/console/contract/standards';

const pad = (n: number) => String(n).padStart(2, '0');

function monthCells(year: number, month: number): Array<string | null> {
  const first = new Date(Date.UTC(year, month, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length }, (_, i) => `${year}-${pad(month + 1)}-${pad(i + 1)}`),
  ];
}

const COLORS = { closed: { background: '#ff4d4f', color: '#fff' }, workday: { background: '#1677ff', color: '#fff' } };

export function YearGrid({
  year,
  days,
  selected,
  onPick,
}: {
  year: number;
  days: ReadonlyMap<string, RegionDay>;
  selected: string | null;
  onPick: (date: string) => void;
}) {
  const { t } = useTranslation('calendar');
  const weekdays = t('weekdays').split(',');
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 8 }}>
      {Array.from({ length: 12 }, (_, month) => (
        <Card key={month} size="small" title={t(`month.${month + 1}` as 'month.1')} styles={{ body: { padding: 6 } }}>
          <div
            role="grid"
            aria-label={t(`month.${month + 1}` as 'month.1')}
            style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12 }}
          >
            {weekdays.map((w) => (
              <Typography.Text key={w} type="secondary" style={{ textAlign: 'center', fontSize: 11 }}>
                {w}
              </Typography.Text>
            ))}
            {monthCells(year, month).map((date, i) => {
              if (!date) return <span key={`lead-${i}`} />;
              const day = days.get(date);
              const weekend = i % 7 >= 5;
              const label = day ? `${date} ${t(`kind.${day.kind}`)} ${day.name}` : date;
              return (
                <Tooltip key={date} title={day ? `${t(`kind.${day.kind}`)} · ${day.name}` : undefined}>
                  <button
                    type="button"
                    aria-label={label}
                    aria-pressed={selected === date}
                    onClick={() => onPick(date)}
                    style={{
                      border: selected === date ? '2px solid #000' : '1px solid transparent',
                      borderRadius: 4,
                      padding: '2px 0',
                      cursor: 'pointer',
                      background: 'transparent',
                      color: weekend ? '#999' : undefined,
                      ...(day ? COLORS[day.kind] : {}),
                    }}
                  >
                    {Number(date.slice(8))}
                  </button>
                </Tooltip>
              );
            })}
          </div>
        </Card>
      ))}
    </div>
  );
}
