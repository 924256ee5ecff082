/** The tickets page: the work queues, the reports, a new ticket, or one ticket, by the address (route.ts). */
import { exhaustive } from '../../../db/api';
import { IntakePage } from './intake-page';
import { QueueView } from './queue-view';
import { ReportsView } from './reports-view';
import { useTicketRoute } from './route';
import { TicketView } from './ticket-view';

export function TicketsPage() {
  const route = useTicketRoute();
  switch (route.view) {
    case 'queue':
      return <QueueView key={route.queue ?? ''} initialQueue={route.queue ?? 'open'} />;
    case 'reports':
      return <ReportsView />;
    case 'new':
      return <IntakePage key={route.customerId ?? ''} customerId={route.customerId} />;
    case 'ticket':
      return <TicketView key={route.id} id={route.id} />;
    default:
      return exhaustive(route, 'ticket route');
  }
}
