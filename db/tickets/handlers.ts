/** The tickets area's handlers, joined into db/handlers.ts with one spread line. */
import { ticketsAct, ticketsAttach, ticketsAttachment, ticketsCreate, ticketsGet, ticketsNote, ticketsRecordBreaches, ticketsRecordFollowUp, ticketsUpdate } from './methods';
import { ticketsBoard, ticketsDuePanel, ticketsFollowUps, ticketsQueue, ticketsStaff, ticketsTechnicianDay } from './methods-lists';
import { ticketsBreachReport, ticketsSaveSlaTargets, ticketsSlaTargets } from './methods-targets';
import { ticketsComplaintReport, ticketsStaffReport } from './methods-reports';
import { ticketsHolidays, ticketsRemoveHoliday, ticketsSaveHoliday, ticketsSettings, ticketsUpdateSettings } from './methods-settings';

export const ticketsHandlers = {
  'tickets.create': ticketsCreate,
  'tickets.update': ticketsUpdate,
  'tickets.get': ticketsGet,
  'tickets.queue': ticketsQueue,
  'tickets.act': ticketsAct,
  'tickets.note': ticketsNote,
  'tickets.attach': ticketsAttach,
  'tickets.attachment': ticketsAttachment,
  'tickets.staff': ticketsStaff,
  'tickets.board': ticketsBoard,
  'tickets.technicianDay': ticketsTechnicianDay,
  'tickets.duePanel': ticketsDuePanel,
  'tickets.followUps': ticketsFollowUps,
  'tickets.recordFollowUp': ticketsRecordFollowUp,
  'tickets.recordBreaches': ticketsRecordBreaches,
  'tickets.settings': ticketsSettings,
  'tickets.updateSettings': ticketsUpdateSettings,
  'tickets.holidays': ticketsHolidays,
  'tickets.saveHoliday': ticketsSaveHoliday,
  'tickets.removeHoliday': ticketsRemoveHoliday,
  'tickets.slaTargets': ticketsSlaTargets,
  'tickets.saveSlaTargets': ticketsSaveSlaTargets,
  'tickets.breachReport': ticketsBreachReport,
  'tickets.complaintReport': ticketsComplaintReport,
  'tickets.staffReport': ticketsStaffReport,
};
