/** The Sync page's list of what this store offered head office when it joined. */
import type { Handler } from '../../handler';
import type { noInput } from '../../fields';
import { JOIN_OFFER_STATUSES, type JoinOfferStatus, type JoinOffersView } from './contract';

/** The list shows the newest 500; the counts cover every offer. */
const LIST_LIMIT = 500;

export const partsJoinOffers: Handler<typeof noInput, JoinOffersView> = async (ctx) => {
  // This PC's offers: what another PC of the store offered is carried out there.
  const device = await ctx.trx
    .selectFrom('syncState')
    .select('value')
    .where('key', '=', 'device_id')
    .executeTakeFirst();
  const mine = device?.value ?? '';
  const counted = await ctx.trx
    .selectFrom('joinOffer')
    .where('deviceId', '=', mine)
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(JOIN_OFFER_STATUSES.map((s) => [s, 0])) as Record<JoinOfferStatus, number>;
  for (const row of counted) counts[row.status] = Number(row.n);
  const rows = await ctx.trx
    .selectFrom('joinOffer')
    .select(['id', 'entity', 'label', 'status', 'mappedLabel', 'movedQty', 'settledAt', 'reason', 'decidedAt'])
    .where('deviceId', '=', mine)
    // Decided first (newest decision first), then what still waits for review.
    .orderBy((eb) => eb.fn.coalesce('decidedAt', eb.val('')), 'desc')
    .orderBy('label')
    .limit(LIST_LIMIT)
    .execute();
  return {
    counts,
    offers: rows.map(({ settledAt, ...row }) => ({
      ...row,
      waiting: row.status === 'mapped' && settledAt === null,
    })),
  };
};
