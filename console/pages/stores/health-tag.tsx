/** A store's or PC's health as a coloured tag, its reasons in words on hover; times and clock offsets in words. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Health } from '../../../headoffice/console/contract/stores';

const COLOUR: Record<Health['level'], string> = { ok: 'green', warning: 'gold', problem: 'red', no_pcs: 'default' };

export function HealthTag({ health }: { health: Health }) {
  const { t } = useTranslation('stores');
  const tag = (
    <Tag color={COLOUR[health.level]} data-testid={`health-${health.level}`}>
      {t(`level.${health.level}`)}
    </Tag>
  );
  if (health.reasons.length === 0) return tag;
  return <Tooltip title={health.reasons.map((r) => t(`reason.${r}`)).join('；')}>{tag}</Tooltip>;
}

export function useWhen() {
  const { t, i18n } = useTranslation('stores');
  return (at: string | null) =>
    at === null ? t('never') : new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
}

export function useOffset() {
  const { t } = useTranslation('stores');
  return (ms: number | null) => {
    if (ms === null) return '—';
    const abs = Math.abs(ms);
    const size =
      abs < 60_000 ? t('seconds', { n: Math.round(abs / 1000) }) : t('minutes', { n: Math.round(abs / 60_000) });
    return abs < 1000 ? size : `${t(ms > 0 ? 'ahead' : 'behind')} ${size}`;
  };
}
