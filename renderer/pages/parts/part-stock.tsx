/**
 * What the technician sees while picking a part for a job: the part's stock on hand per location
 * ("主库 3 · 车1 1"), and a warning when the location the requisition issues from holds fewer than
 * the line asks for. The request still goes to the parts lead: a shortfall is for him to weigh
 * (stock may arrive, or come from another location), so it warns and never blocks.
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocationView } from '../../../db/api';
import { useDeskQuery } from '../../use-desk';

/** The locations a requisition can issue from, main first: the form's choice and its default. */
export function useIssueLocations(): { locations: ReadonlyArray<LocationView>; mainId: string | undefined } {
  const { state } = useDeskQuery('parts.locations', { includeRetired: false }, { refetchOn: ['parts.changed'] });
  const locations = [...(state.value?.items ?? [])].sort((a, b) => Number(b.isMain) - Number(a.isMain));
  return { locations, mainId: locations.find((l) => l.isMain)?.id };
}

export function PartStock({
  partId,
  qty,
  location,
  line,
}: {
  partId: string;
  qty: number | null;
  /** Where the requisition issues from. */
  location: Pick<LocationView, 'id' | 'name'> | undefined;
  /** 1-based, for the accessible name of the line's stock note. */
  line: number;
}) {
  const { t } = useTranslation('parts');
  const { state } = useDeskQuery('parts.get', { id: partId }, { refetchOn: ['parts.changed'], enabled: partId !== '' });
  const part = state.value?.id === partId ? state.value : undefined;
  if (!part) return null;
  const held = part.stock.filter((s) => s.qty !== 0);
  const atLocation = part.stock.find((s) => s.id === location?.id)?.qty ?? 0;
  const short = location !== undefined && qty !== null && qty > atLocation;
  return (
    <div aria-label={t('pickStock.of', { n: line })} role="note" style={{ marginTop: 4, fontSize: 13 }}>
      <Typography.Text type="secondary">
        {t('pickStock.onHand')}
        {held.length === 0 ? t('pickStock.none') : held.map((s) => `${s.name} ${s.qty}`).join(' · ')}
      </Typography.Text>
      {short ? (
        <div role="alert">
          <Typography.Text type="warning">
            {t('pickStock.short', { location: location?.name ?? '', onHand: atLocation, qty, unit: part.unit })}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}
