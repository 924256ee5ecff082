/** The tickets page: the work queues, a new ticket, or one ticket, by the address (route.ts). */
import { IntakePage } from './intake-page';
import { QueueView } from './queue-view';
import { useTicketRoute } from './route';
import { TicketView } from './ticket-view';

export function TicketsPage() {
  const route = useTicketRoute();
  switch (route.view) {
    case 'queue':
      return <QueueView />;
    case 'new':
      return <IntakePage key={route.customerId ?? ''} customerId={route.customerId} />;
    case 'ticket':
      return <TicketView key={route.id} id={route.id} />;
  }
}
