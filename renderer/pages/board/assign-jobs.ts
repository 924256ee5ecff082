/**
 * Assigning several jobs at once from the board: one `tickets.act` (schedule) per job, each with
 * the version read just before, so each job is assigned or refused on its own and the board says
 * which were not and why. A job someone else moved meanwhile is refused (`conflict`), not overwritten.
 */
import { useState } from 'react';
import type { DeskError } from '../../../db/api';
import { desk } from '../../desk';

export type AssignOutcome = Readonly<{
  assigned: ReadonlyArray<string>;
  failed: ReadonlyArray<{ id: string; number: string; error: DeskError }>;
}>;

type Job = Readonly<{ id: string; number: string }>;

export function useAssignJobs(): {
  run: (jobs: ReadonlyArray<Job>, technicianId: string, plannedDate: string | null) => Promise<AssignOutcome>;
  progress: { done: number; total: number } | null;
} {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const run = async (jobs: ReadonlyArray<Job>, technicianId: string, plannedDate: string | null) => {
    const assigned: string[] = [];
    const failed: Array<{ id: string; number: string; error: DeskError }> = [];
    setProgress({ done: 0, total: jobs.length });
    try {
      for (const [index, job] of jobs.entries()) {
        const ticket = await desk.call('tickets.get', { id: job.id });
        const result = ticket.ok
          ? await desk.call('tickets.act', {
              ticketId: job.id,
              version: ticket.value.version,
              step: { action: 'schedule', technicianId, ...(plannedDate ? { plannedDate } : {}) },
            })
          : ticket;
        if (result.ok) assigned.push(job.id);
        else failed.push({ id: job.id, number: job.number, error: result.error });
        setProgress({ done: index + 1, total: jobs.length });
      }
    } finally {
      setProgress(null);
    }
    return { assigned, failed };
  };
  return { run, progress };
}
