/**
 * How a person tells an offered record apart (the review list, the counter's Sync page): a part by
 * its number and name, a supplier by its name, a standard by its ticket type, priority and tier.
 */
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function offerLabel(entity: string, entityId: string, fields: Readonly<Record<string, unknown>>): string {
  const label = (() => {
    switch (entity) {
      case 'part':
        return [text(fields.partNo), text(fields.name)].filter(Boolean).join(' ');
      case 'supplier':
        return text(fields.name);
      case 'product_category':
        return [entityId, text(fields.nameZh)].filter(Boolean).join(' ');
      default:
        return entityId;
    }
  })();
  return (label || entityId).slice(0, 200);
}

/** The kinds of record an offer may be mapped onto an existing record of head office's. */
export const MAPPABLE_ENTITIES: ReadonlyArray<string> = ['part', 'supplier'];

/** Head office's kinds of record a standalone store makes for itself and may offer when it joins. */
export const OFFERABLE_ENTITIES: ReadonlyArray<string> = [
  'part',
  'supplier',
  'sla_target',
  'customer_tier',
  'product_category',
];
