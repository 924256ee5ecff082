import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../db/api';

const COLOURS: Record<Tier, string | undefined> = {
  regular: undefined,
  silver: 'default',
  gold: 'gold',
  vip: 'magenta',
};

export function TierTag({ tier }: { tier: Tier }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[tier]} variant={tier === 'regular' ? 'outlined' : 'filled'}>
      {t(`tiers.${tier}`)}
    </Tag>
  );
}
