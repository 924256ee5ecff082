/**
 * What the Sync page shows of what this store offered head office when it joined: each offered
 * record with head office's decision as this PC has carried it out. No Node imports.
 */
export const JOIN_OFFER_STATUSES = ['pending', 'accepted', 'mapped', 'dropped'] as const;
export type JoinOfferStatus = (typeof JOIN_OFFER_STATUSES)[number];

export type JoinOfferView = Readonly<{
  id: string;
  /** part, supplier, sla_target, customer_tier or product_category. */
  entity: string;
  /** The record as people know it: a part's number and name, a supplier's name, a standard's key. */
  label: string;
  status: JoinOfferStatus;
  /** With `mapped`: head office's record it now is (a part's number and name). */
  mappedLabel: string | null;
  /** With `mapped`: the units of stock moved to head office's part on this PC. */
  movedQty: number;
  /** A mapped part whose stock waits for head office's part to arrive here. */
  waiting: boolean;
  /** With `dropped`: why head office did not adopt it, as the reviewer wrote it. */
  reason: string;
  decidedAt: string | null;
}>;

/** The offers and how many of each outcome (the list is bounded; the counts are not). */
export type JoinOffersView = Readonly<{
  counts: Readonly<Record<JoinOfferStatus, number>>;
  offers: ReadonlyArray<JoinOfferView>;
}>;
