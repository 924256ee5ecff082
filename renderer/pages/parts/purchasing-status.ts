/** How a purchase order's status looks in lists and on its page. */
import type { PurchaseOrderShown } from '../../../db/api';

export const STATUS_COLOR: Record<PurchaseOrderShown, string | undefined> = {
  draft: undefined,
  awaiting_approval: 'gold',
  approved: 'blue',
  partly_received: 'cyan',
  received: 'green',
  closed_short: undefined,
  cancelled: undefined,
};
