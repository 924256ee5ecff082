/** One line saying how far the signed-in person's view reaches: everyone, their group, themself. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reach } from '../../../db/api';

export function ReachNote({ reach }: { reach: Reach }) {
  const { t } = useTranslation('training');
  const text =
    reach.kind === 'group'
      ? t('reach.group', { group: t(`groups.${reach.group}`) })
      : reach.kind === 'all'
        ? t('reach.all')
        : t('reach.self');
  return <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>;
}
