/**
 * Training and assessment's desk methods. Who sees and changes what is decided per row in the
 * handlers (db/training/groups.ts): a lead's permission reaches only their group, and everyone
 * signed in reads their own record and fills in their own self-assessment.
 */
import { type Handler, areaMethods, method } from '../handler';
import { noInput } from '../fields';
import {
  attendanceSchema,
  periodSaveSchema,
  periodSchema,
  rateSchema,
  selfAssessSchema,
  trainingPlanSchema,
  trainingSessionSchema,
  type PeriodListView,
  type PeriodView,
  type TrainingPlanView,
} from './contract';
import { closePeriod, listPeriods, loadPeriod, rate, savePeriod, selfAssess } from './periods';
import { loadPlan, recordAttendance, saveSession } from './sessions';

const trainingPlan: Handler<typeof trainingPlanSchema, TrainingPlanView> = async (ctx, input) =>
  loadPlan(ctx, input.year);
const trainingSaveSession: Handler<typeof trainingSessionSchema, { id: string }> = async (ctx, input) =>
  saveSession(ctx, input);
const trainingRecordAttendance: Handler<typeof attendanceSchema, { updated: number }> = async (ctx, input) =>
  recordAttendance(ctx, input);
const trainingPeriods: Handler<typeof noInput, PeriodListView> = async (ctx) => listPeriods(ctx);
const trainingSavePeriod: Handler<typeof periodSaveSchema, { id: string }> = async (ctx, input) =>
  savePeriod(ctx, input);
const trainingPeriod: Handler<typeof periodSchema, PeriodView> = async (ctx, input) => loadPeriod(ctx, input.periodId);
const trainingSelfAssess: Handler<typeof selfAssessSchema, PeriodView> = async (ctx, input) => {
  await selfAssess(ctx, input);
  return loadPeriod(ctx, input.periodId);
};
const trainingRate: Handler<typeof rateSchema, PeriodView> = async (ctx, input) => {
  await rate(ctx, input);
  return loadPeriod(ctx, input.periodId);
};
const trainingClosePeriod: Handler<typeof periodSchema, PeriodView> = async (ctx, input) => {
  await closePeriod(ctx, input.periodId);
  return loadPeriod(ctx, input.periodId);
};

/** The yearly training plan and the periodic assessments (docs/architecture/training-and-assessment.md). */
// prettier-ignore
export const trainingMethods = areaMethods('training', {
  /** A year's sessions as the caller may see them: all (manager), their group's (lead), their own (everyone). */
  'training.plan': method(trainingPlanSchema, { access: 'signedIn', mutates: false }, trainingPlan),
  /** Plan or change a session and whom it is for; a lead only for their own group. */
  'training.saveSession': method(trainingSessionSchema, { access: 'signedIn', mutates: true }, trainingSaveSession),
  /** Record attendance and results; a lead only of their own group's members. All rows are checked before any is written. */
  'training.recordAttendance': method(attendanceSchema, { access: 'signedIn', mutates: true }, trainingRecordAttendance),
  /** The assessment periods with their weights (no one's scores). */
  'training.periods': method(noInput, { access: 'signedIn', mutates: false }, trainingPeriods),
  /** Open or change a period: name, dates, weights summing to 100, grade bands. Refused once closed. */
  'training.savePeriod': method(periodSaveSchema, { access: 'training.manage', mutates: true }, trainingSavePeriod),
  /** A period's assessments and ranking: everyone's (manager), the group's (lead), one's own (everyone else). */
  'training.period': method(periodSchema, { access: 'signedIn', mutates: false }, trainingPeriod),
  /** Enter one's own self-assessment score and note while the period is open. */
  'training.selfAssess': method(selfAssessSchema, { access: 'signedIn', mutates: true }, trainingSelfAssess),
  /** The supervisor's rating: the manager for anyone, a lead for their group's members, nobody for themself. */
  'training.rate': method(rateSchema, { access: 'signedIn', mutates: true }, trainingRate),
  /** Close the period: the customers' ratings are frozen and nothing in it changes any more. */
  'training.closePeriod': method(periodSchema, { access: 'training.manage', mutates: true }, trainingClosePeriod),
});
