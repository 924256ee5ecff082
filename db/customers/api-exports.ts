/** What the renderer may import of the customers area (through db/api.ts): schemas, types, constants. No Node imports. */
export {
  CONTACT_CHANNELS,
  TIER_RULES,
  addressSchema,
  mergeSchema,
  noteSchema,
  type ContactChannel,
  type CounterSearchResult,
  type CustomerAddress,
  type CustomerHistory,
  type CustomerPhone,
  type HistoryTicket,
  type NoteEntry,
  type ProductHit,
  type TicketHit,
  type TierStandardView,
} from './contract';
export { productCreateSchema, productUpdateSchema, type ProductCategory, type ProductDetail, type ProductCreateInput } from './product-contract';
export {
  EXPORT_MAX_ROWS,
  IMPORT_CHUNK_ROWS,
  IMPORT_FIELDS,
  IMPORT_KINDS,
  IMPORT_MAX_ROWS,
  REQUIRED_IMPORT_FIELDS,
  type BadRow,
  type ExportRow,
  type ImportKind,
} from './exchange-contract';
