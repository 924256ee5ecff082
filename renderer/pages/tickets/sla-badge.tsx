/** A ticket's time limit at a glance: time left, near breach (orange), breached (red), paused. */
import { ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaView } from '../../../db/api';
import { exhaustive } from '../../../db/api';
import { useTicketFormat } from './format';

export function SlaBadge({ sla }: { sla: SlaView }) {
  const { t } = useTranslation('tickets');
  const format = useTicketFormat();
  const clock = t(`sla.${sla.clock}`);
  const late = sla.respondBreached || sla.resolveBreached;
  switch (sla.level) {
    case 'paused':
      return (
        <Tag icon={<PauseCircleOutlined aria-hidden />} className="cd-sla" data-level="paused">
          {t('sla.paused')}
        </Tag>
      );
    case 'done':
      return (
        <Tag color={late ? 'volcano' : 'green'} className="cd-sla" data-level="done">
          {late ? t('sla.doneLate') : t('sla.done')}
        </Tag>
      );
    case 'breached':
      return (
        <Tag color="red" icon={<WarningOutlined aria-hidden />} className="cd-sla" data-level="breached">
          {t('sla.overdue', { clock, time: format.duration(sla.remainingMinutes ?? 0) })}
        </Tag>
      );
    case 'near':
      return (
        <Tag color="orange" icon={<ClockCircleOutlined aria-hidden />} className="cd-sla" data-level="near">
          {t('sla.left', { clock, time: format.duration(sla.remainingMinutes ?? 0) })}
        </Tag>
      );
    case 'ok':
      return (
        <Tag
          color={late ? 'volcano' : 'blue'}
          icon={<ClockCircleOutlined aria-hidden />}
          className="cd-sla"
          data-level="ok"
        >
          {t('sla.left', { clock, time: format.duration(sla.remainingMinutes ?? 0) })}
        </Tag>
      );
    default:
      return exhaustive(sla.level, 'time limit level');
  }
}
