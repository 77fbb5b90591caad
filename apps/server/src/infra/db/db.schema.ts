/**
 * Every Drizzle table of the platform database, module by module. drizzle-kit reads the
 * `*.tables.ts` files (drizzle.config.ts); this object types the ORM.
 */
import { domainEvents } from '../../comms/events/events.tables';
import { airtableConnections } from '../../data/airtable/airtable.tables';
import { dataBases, dataChangeSets } from '../../data/data.tables';
import { dataAttachmentFiles } from '../../data/attachments/attachments.tables';
import { dataComments } from '../../data/comments/comments.tables';
import { dataOutboxConsumers } from '../../data/webhooks/outbox/outbox.tables';
import { dataBaseTransactions, dataWebhookPayloads, dataWebhooks } from '../../data/webhooks/webhooks.tables';
import {
  dataFields,
  dataListChunks,
  dataListIterators,
  dataTables,
  dataViews,
} from '../../data/local/local.tables';
import { auditLog } from '../../platform/audit/audit.tables';
import { authAccounts, authVerifications, sessions, users } from '../../platform/auth/auth.tables';
import { apiKeys } from '../../platform/keys/keys.tables';
import { oauthClients, oauthCodes, oauthGrants, oauthTokens } from '../../platform/oauth/oauth.tables';
import { secretKeys, secrets } from '../../platform/secrets/secrets.tables';
import {
  baseRoles,
  workspaceInvitations,
  workspaceMembers,
  workspaces,
} from '../../platform/workspaces/workspaces.tables';
import { appSettings } from './settings.tables';

export const dbSchema = {
  appSettings,
  domainEvents,
  workspaces,
  workspaceMembers,
  baseRoles,
  workspaceInvitations,
  users,
  sessions,
  authAccounts,
  authVerifications,
  apiKeys,
  oauthClients,
  oauthGrants,
  oauthCodes,
  oauthTokens,
  secretKeys,
  secrets,
  auditLog,
  dataBases,
  dataChangeSets,
  dataTables,
  dataFields,
  dataViews,
  dataListIterators,
  dataListChunks,
  dataComments,
  dataWebhooks,
  dataWebhookPayloads,
  dataBaseTransactions,
  dataOutboxConsumers,
  dataAttachmentFiles,
  airtableConnections,
};
