import { createRoute } from '@hono/zod-openapi';
import {
  acceptedInvitationSchema,
  acceptInvitationBody,
  AppError,
  createdInvitationSchema,
  createInvitationBody,
  invitationParams,
  invitationSchema,
  workspaceParams,
} from '@tableport/contracts';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import { requestLogger } from '../../gateway/gateway.types';
import type { PlatformInternals } from '../platform.types';
import { assertMayGrant } from './grant-guard';
import { caller } from './principal-context';
import { emptyResponses, jsonBody, jsonResponses, SECURITY } from './route';

const tags = ['invitations'];
const create = createRoute({
  method: 'post',
  path: '/workspaces/{workspaceId}/invitations',
  tags,
  summary: 'Invite an email with a role (creator or owner, up to their own role); the token is shown once',
  security: SECURITY,
  request: { params: workspaceParams, ...jsonBody(createInvitationBody) },
  responses: jsonResponses(createdInvitationSchema, 201),
});
const list = createRoute({
  method: 'get',
  path: '/workspaces/{workspaceId}/invitations',
  tags,
  summary: 'Invitations of a workspace',
  security: SECURITY,
  request: { params: workspaceParams },
  responses: jsonResponses(z.object({ invitations: z.array(invitationSchema) })),
});
const revoke = createRoute({
  method: 'delete',
  path: '/workspaces/{workspaceId}/invitations/{invitationId}',
  tags,
  summary: 'Revoke a pending invitation',
  security: SECURITY,
  request: { params: invitationParams },
  responses: emptyResponses(),
});
const accept = createRoute({
  method: 'post',
  path: '/invitations/accept',
  tags,
  summary: 'Accept an invitation as the signed-in user (the invited email)',
  security: SECURITY,
  request: jsonBody(acceptInvitationBody),
  responses: jsonResponses(acceptedInvitationSchema),
});

/** `/api/v1/workspaces/{id}/invitations` and `/api/v1/invitations/accept`. */
export function invitationRoutes(platform: PlatformInternals): ApiApp {
  const app = createApiApp();
  const { authorizer, invitations } = platform;
  app.openapi(create, async (c) => {
    const { principal, actor } = caller(c);
    const { workspaceId } = c.req.valid('param');
    const { email, role } = c.req.valid('json');
    await authorizer.check(principal, 'members.invite', { workspaceId });
    await assertMayGrant({ authorizer, principal, role, resource: { workspaceId } });
    const created = await invitations.create({ workspaceId, email, role, actor });
    const origin = platform.config.server.publicUrl ?? new URL(c.req.url).origin;
    const url = `${origin}/invitations/accept?token=${created.token}`;
    if (platform.mailer.kind === 'smtp') {
      await platform.mailer
        .send({
          to: email,
          subject: 'You are invited to a Tableport workspace',
          text: `Accept: ${url}`,
          link: url,
        })
        .catch((error: unknown) => requestLogger(c)?.warn({ err: error }, 'invitation email failed'));
    }
    return c.json({ ...created, url }, 201);
  });
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    await authorizer.check(caller(c).principal, 'members.invite', { workspaceId });
    return c.json({ invitations: await invitations.list(workspaceId) }, 200);
  });
  app.openapi(revoke, async (c) => {
    const { principal, actor } = caller(c);
    const { workspaceId, invitationId } = c.req.valid('param');
    await authorizer.check(principal, 'members.invite', { workspaceId });
    await invitations.revoke({ workspaceId, id: invitationId, actor });
    return c.body(null, 204);
  });
  app.openapi(accept, async (c) => {
    const { principal, actor } = caller(c);
    await authorizer.check(principal, 'invitation.accept');
    if (!principal.userId)
      throw new AppError({ code: 'auth.forbidden', message: 'Sign in as the invited user' });
    const user = await platform.users.get(principal.userId);
    const accepted = await invitations.accept({
      token: c.req.valid('json').token,
      userId: user.id,
      email: user.email,
      actor,
    });
    return c.json(accepted, 200);
  });
  return app;
}
