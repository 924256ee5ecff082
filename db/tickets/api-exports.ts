/** What the renderer may import of the tickets area (through db/api.ts): schemas, types, constants. No Node imports. */
export {
  QUEUES as TICKET_QUEUES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  holidaySchema,
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
} from './contract';
export {
  CHANNELS as TICKET_CHANNELS,
  COMPLAINT_CATEGORIES,
  FEEDBACK_CATEGORIES,
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
} from './intake';
export { FOLLOW_UP_RESULTS, LOW_RATING, followUpSchema, signatureSchema, stepSchema, STEP_FIELDS, type FollowUpInput, type SignatureInput, type StepInput } from './step-input';
export {
  ACTIONS as TICKET_ACTIONS,
  ALL_STATUSES as ALL_TICKET_STATUSES,
  ANNOTATIONS as TICKET_ANNOTATIONS,
  FOLLOW_UP_ACTIONS,
  PRIORITIES as TICKET_PRIORITIES,
  REPAIR_LOCATIONS,
  STATUSES as TICKET_STATUSES,
  TICKET_TYPES,
  type EventAction,
  type MachineAction,
  type PauseReasonName,
  type Priority as TicketPriority,
  type RepairLocation,
  type StepAction,
  type TicketStatus,
  type TicketType,
} from './workflow';
export { buildServiceForm, canonicalJson, type Completion as ServiceCompletion, type ServiceForm, type ServiceFormSource } from './service-form';
export { WARRANTY_STATUSES, warrantyStatus, type WarrantyStatus } from './warranty-status';
export type { SlaLevel } from './sla';
export {
  SLA_MAX_MINUTES,
  breachReportSchema,
  saveSlaTargetsSchema,
  slaTargetSchema,
  type BreachKind,
  type BreachReport,
  type BreachReportInput,
  type SaveSlaTargetsInput,
  type SlaTargetInput,
  type SlaTargetView,
} from './contract-targets';
export { STAR_MIN_RATINGS, type ComplaintReport, type RatingSummary, type StaffPerformanceReport, type StaffPerformanceRow } from './contract-reports';
export type {
  AttachmentMeta,
  ClockView,
  DuePanel,
  HolidayView,
  ProductRef as TicketProductRef,
  RepairBoard,
  SignatureView,
  SlaView,
  StaffRef as TicketStaffRef,
  TechnicianLoad,
  TicketDetail,
  TicketListItem,
  TicketSettingsView,
  TimelineEntry,
} from './views';
