/** A repair ticket to charge: in store, out of warranty unless a product with a warranty is given. */
import type { TicketDesk, Who } from '../tickets-fixture';

export async function repairTicket(d: TicketDesk, who: Who = 'counter', productId: string | null = null) {
  const customer = await d.customer('吴先生');
  return d.ok(who, 'tickets.create', {
    type: 'repair',
    customerId: customer.id,
    ...(productId ? { productId } : {}),
    priority: 'normal',
    location: 'in_store',
    address: '',
    model: 'KFR-35GW',
    fault: '空调不制冷',
    accessories: '遥控器一个',
    condition: '外壳有轻微划痕',
  });
}
