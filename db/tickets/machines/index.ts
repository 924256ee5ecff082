/** The machine of each ticket type. */
import type { AnyMachine, TicketType } from '../workflow';
import { aftersalesMachine } from './aftersales';
import { complaintMachine } from './complaint';
import { consultationMachine } from './consultation';
import { feedbackMachine } from './feedback';
import { repairMachine } from './repair';

export const MACHINES: { readonly [T in TicketType]: AnyMachine & { type: T } } = {
  consultation: consultationMachine,
  complaint: complaintMachine,
  aftersales: aftersalesMachine,
  repair: repairMachine,
  feedback: feedbackMachine,
};

export function machineOf(type: TicketType): AnyMachine {
  return MACHINES[type];
}
