/**
 * Staff accounts, for administrators (`staff.manage`):
 *   GET   /console/api/staff                 the accounts
 *   POST  /console/api/staff                 a new account { username, displayName, role, password }
 *   PATCH /console/api/staff/:id             { displayName?, role?, disabled? }
 *   POST  /console/api/staff/:id/password    a new password set by the administrator
 * A change of role, a disable or a new password ends the account's sessions at once.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { recordAudit } from '../audit';
import { newStaffSchema, resetPasswordSchema, staffChangeSchema } from '../contract/session';
import { consoleGuard, staffOf } from '../guard';
import { hashPassword } from '../passwords';
import { createStaff, endSessions } from '../sessions';
import { keepAnAdministrator, listStaff, staffRow } from '../staff';

const idParams = z.object({ id: z.string().min(1).max(64) });

export const staffRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  const { db, now } = services;
  const guard = consoleGuard(services, 'staff.manage');

  app.get('/console/api/staff', { preValidation: guard }, async (request, reply) =>
    sendJson(request, reply, 200, { rows: await listStaff(db) }),
  );

  app.post('/console/api/staff', { schema: { body: newStaffSchema }, preValidation: guard }, async (request, reply) => {
    const created = await createStaff(db, request.body);
    await recordAudit(db, staffOf(request), {
      action: 'staff.create',
      target: created.username,
      before: null,
      after: { username: created.username, displayName: created.displayName, role: created.role },
    });
    return sendJson(request, reply, 201, created);
  });

  app.patch(
    '/console/api/staff/:id',
    { schema: { params: idParams, body: staffChangeSchema }, preValidation: guard },
    async (request, reply) => {
      const change = request.body;
      const after = await db.transaction().execute(async (trx) => {
        const before = await staffRow(trx, request.params.id);
        const next = { role: change.role ?? before.role, disabled: change.disabled ?? before.disabled };
        await keepAnAdministrator(trx, before, next);
        await trx
          .updateTable('hqStaff')
          .set({
            ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
            role: next.role,
            disabledAt: next.disabled ? (before.disabled ? undefined : new Date(now())) : null,
          })
          .where('id', '=', before.id)
          .execute();
        const updated = await staffRow(trx, before.id);
        await recordAudit(trx, staffOf(request), {
          action: 'staff.update',
          target: before.username,
          before: { displayName: before.displayName, role: before.role, disabled: before.disabled },
          after: { displayName: updated.displayName, role: updated.role, disabled: updated.disabled },
        });
        if (before.role !== updated.role || updated.disabled) await endSessions(trx, before.id);
        return updated;
      });
      return sendJson(request, reply, 200, after);
    },
  );

  app.post(
    '/console/api/staff/:id/password',
    { schema: { params: idParams, body: resetPasswordSchema }, preValidation: guard },
    async (request, reply) => {
      const passwordHash = await hashPassword(request.body.password);
      await db.transaction().execute(async (trx) => {
        const target = await staffRow(trx, request.params.id);
        await trx
          .updateTable('hqStaff')
          .set({ passwordHash, passwordChangedAt: new Date(now()) })
          .where('id', '=', target.id)
          .execute();
        await recordAudit(trx, staffOf(request), {
          action: 'staff.reset_password',
          target: target.username,
          before: null,
          after: null,
        });
        await endSessions(trx, target.id);
      });
      return sendJson(request, reply, 200, { ok: true });
    },
  );
};
