/**
 * The desk API as the renderer sees it: method names, input and result types, the bridge, and the
 * schemas and types its forms use. The methods themselves are declared once, with their handlers,
 * in each area's table (`db/<area>/methods.ts`, joined in `db/methods.ts`); this module reads their
 * types with `import type`, which the build erases, so it and everything it imports at run time
 * stay free of Node imports.
 */
import type { z } from 'zod';
import type { DeskEvent, DeskResult } from './contract';
import type { DeskMethods, MethodName } from './methods';

export type { DeskMethods, MethodName } from './methods';
export type MethodInput<M extends MethodName> = z.input<DeskMethods[M]['input']>;
export type MethodParsed<M extends MethodName> = z.output<DeskMethods[M]['input']>;
export type MethodResult<M extends MethodName> = Awaited<ReturnType<DeskMethods[M]['handler']>>;

export { DESK_EVENTS, type DeskEvent } from './contract';

/**
 * The bridge the renderer talks to. The Electron preload and the browser-host client both
 * `satisfies` it (docs/STYLE.md §1); `renderer/desk.ts` picks one at start.
 */
export type DeskBridge = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<DeskResult<MethodResult<M>>>;
  on(event: DeskEvent, listener: () => void): () => void;
};

export type { DeskError, DeskResult, ErrorCode, FieldIssue } from './contract';
export { errorMessages, type MessageKey } from './messages';
export { exhaustive } from './assert';
export { ROLES, PERMISSIONS, ROLE_PERMISSIONS, roleCan, type Role, type Permission } from './staff/roles';

// What the renderer's pages use of each area: schemas to validate forms with, result types, constants.
export { maskPhone } from './customers/phone';
export {
  TIERS,
  CONTACT_CHANNELS,
  TIER_RULES,
  customerCreateSchema,
  customerUpdateSchema,
  addressSchema,
  mergeSchema,
  noteSchema,
  type ContactChannel,
  type CounterSearchResult,
  type CustomerAddress,
  type CustomerDetail,
  type CustomerHistory,
  type CustomerPhone,
  type CustomerSummary,
  type HistoryTicket,
  type NoteEntry,
  type ProductHit,
  type TicketHit,
  type Tier,
  type TierStandardView,
} from './customers/contract';
export {
  productCreateSchema,
  productUpdateSchema,
  type ProductCategory,
  type CategoryChoice,
  type ProductDetail,
  type ProductCreateInput,
} from './customers/product-contract';
export {
  categorySaveSchema,
  MAX_WINDOW_DAYS,
  MAX_WARRANTY_MONTHS,
  type CategorySave,
  type CategoryTermsView,
} from './customers/category-contract';
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
} from './customers/exchange-contract';
export * from './parts/contract';
export * from './charges/contract';
export type { ChargeSummary, ChargeSummaryLine, ChargeSummaryPayment } from './charges/summary';
export * from './print/forms';
export * from './print/form-data';
export * from './print/job';
export * from './print/signal';
export {
  printSettingSchema,
  type PrintHistory,
  type PrintLogEntry,
  type PrintSetting,
  type PrintSettingInput,
  type PrintRecordInput,
  type ScannedRecord,
} from './print/contract';
export * from './print/label-subjects';
export { PRINT_OUTPUTS, PRINT_RESULTS, type PrintOutput, type PrintResult } from './print/tables';
export {
  QUEUES as TICKET_QUEUES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  holidaySchema,
  REGION_CODE,
  ticketActSchema,
  ticketAttachSchema,
  ticketQueueSchema,
  ticketSettingsSchema,
  ticketUpdateSchema,
  type Queue as TicketQueue,
  type HolidayInput,
  type TicketActInput,
  type TicketAttachInput,
  type TicketQueueInput,
  type TicketSettingsInput,
} from './tickets/contract';
export {
  CHANNELS as TICKET_CHANNELS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_DEPARTMENTS,
  FEEDBACK_CATEGORIES,
  parseAbout,
  type ComplaintDepartment,
  REMEDIES,
  ticketIntakeSchema,
  consultationIntake,
  complaintIntake,
  aftersalesIntake,
  repairIntake,
  feedbackIntake,
  type TicketForm,
  type TicketIntake,
  type TicketIntakeInput,
} from './tickets/intake';
export {
  FOLLOW_UP_RESULTS,
  LOW_RATING,
  followUpSchema,
  signatureSchema,
  stepSchema,
  STEP_FIELDS,
  type FollowUpInput,
  type SignatureInput,
  type StepInput,
} from './tickets/step-input';
export {
  ACTIONS as TICKET_ACTIONS,
  ALL_STATUSES as ALL_TICKET_STATUSES,
  ANNOTATIONS as TICKET_ANNOTATIONS,
  FOLLOW_UP_ACTIONS,
  FOR_ROLES,
  PRIORITIES as TICKET_PRIORITIES,
  REPAIR_LOCATIONS,
  STATUSES as TICKET_STATUSES,
  TICKET_TYPES,
  type EventAction,
  type ForRole,
  type MachineAction,
  type PauseReasonName,
  type Priority as TicketPriority,
  type RepairLocation,
  type StepAction,
  type TicketStatus,
  type TicketType,
} from './tickets/workflow';
export {
  buildServiceForm,
  canonicalJson,
  type Completion as ServiceCompletion,
  type ServiceForm,
  type ServiceFormSource,
  type SignedChargeLine,
  type SignedPart,
  type SignedPayment,
  type SignedTotals,
} from './tickets/service-form';
export type { ServiceFormV1 } from './tickets/service-form-v1';
export { SERVICE_TERMS, type ServiceTerms } from './tickets/service-terms';
export {
  MAX_CHANGES as MAX_FORM_CHANGES,
  type AnyServiceForm,
  type FormAcceptance,
  type FormAgreement,
  type FormChange,
  type FormTextField,
} from './tickets/signed-changes';
export {
  acceptFormChangeSchema,
  signAgainSchema,
  type AcceptFormChangeInput,
  type SignAgainInput,
} from './tickets/contract-signatures';
export {
  DEFAULT_SANBAO_RULES,
  WARRANTY_STATUSES,
  warrantyStatus,
  warrantyView,
  type SanbaoRules,
  type WarrantyStatus,
  type WarrantyView,
} from './tickets/warranty-status';
export type { SlaLevel } from './tickets/sla';
export {
  CLOCK_COUNTS,
  SLA_MAX_MINUTES,
  breachReportSchema,
  saveSlaTargetsSchema,
  slaTargetSchema,
  type BreachKind,
  type BreachReport,
  type BreachReportInput,
  type ClockCounts,
  type SaveSlaTargetsInput,
  type SlaTargetInput,
  type SlaTargetView,
} from './tickets/contract-targets';
export {
  STAR_MIN_RATINGS,
  type ComplaintReport,
  type RatingSummary,
  type StaffPerformanceReport,
  type StaffPerformanceRow,
} from './tickets/contract-reports';
export type {
  AboutView,
  AttachmentMeta,
  ClockView,
  BoardWeek,
  CalendarJob,
  DuePanel,
  HolidayView,
  MyJob,
  MyJobsToday,
  PartsWaiting,
  ProductRef as TicketProductRef,
  RepairBoard,
  SignatureView,
  SlaView,
  StaffRef as TicketStaffRef,
  TechnicianLoad,
  TicketDetail,
  TicketListItem,
  FollowUpItem,
  TicketSettingsView,
  TimelineEntry,
  TodayFigures,
} from './tickets/views';
export {
  MESSAGE_EVENTS,
  MESSAGE_LANGUAGES,
  TEMPLATE_MAX_CHARS,
  type MessageEvent,
  type MessageLanguage,
  type NotQueuedReason,
} from './messages/contract';
export { messageSettingsSchema, type MessageSettingsInput } from './messages/schemas';
export { PLACEHOLDERS, renderTemplate, smsSegments, templateProblem, CHECK_HINT } from './messages/templates';
export type { MessageSettingsView, TemplateView } from './messages/settings';
export type { MessageSettingsPage } from './messages/methods';
export type { MessagePreview } from './messages/preview';
export type { MessageState, TicketMessageView, TicketMessagesView, TicketReplyView } from './messages/view';
export {
  syncEnrollSchema,
  type KeptAsideRecord,
  type SyncEnrollInput,
  type SyncProblem,
  type SyncStatus,
} from './sync/contract';
export { rejectionReasons } from './sync/messages';
export type { BackupSummary, BackupSettingsView, StorageHealth, FolderWarning } from './storage/contract';
export { backupFolderSchema } from './storage/contract';
export type {
  StaffSummary,
  SignedInStaff,
  SessionStatus,
  SetupInput,
  StaffCreateInput,
  StaffUpdateInput,
} from './staff/contract';
export { setupSchema, staffCreateSchema, staffUpdateSchema } from './staff/contract';
export type { SignInName } from './staff/sign-in-names';
export {
  storeUpdateSchema,
  installWindowSchema,
  type InstallWindow,
  type StoreSettings,
  type StoreUpdateInput,
  type AppInfo,
  type OpeningHoursTemplateView,
} from './store/contract';
export * from './tickets/estimates/contract';
export { addDays } from './tickets/estimates/dates';
export * from './training/contract';
