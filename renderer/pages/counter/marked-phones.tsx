/**
 * A search hit's phones, masked as the main process sent them, with the digits the counter typed
 * marked (<mark>) where they matched: "138****<mark>5678</mark>" for a search of 5678.
 */
import type { CustomerSummary } from '../../../db/api';

export function MarkedPhones({ customer }: { customer: CustomerSummary }) {
  const match = customer.phoneMatch;
  return (
    <>
      {customer.maskedPhones.map((phone, index) => (
        <span key={`${index}-${phone}`}>
          {index > 0 ? ' · ' : null}
          {match && match.phone === index ? (
            <>
              {phone.slice(0, match.start)}
              <mark className="cd-match">{phone.slice(match.start, match.end)}</mark>
              {phone.slice(match.end)}
            </>
          ) : (
            phone
          )}
        </span>
      ))}
    </>
  );
}
