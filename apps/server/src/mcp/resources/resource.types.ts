import type { Action, ResourceRef } from '../../platform/authz/authz.types';
import type { ToolContext } from '../tools/tool.types';

/** One entry of `resources/list`. */
export interface ResourceEntry {
  uri: string;
  name: string;
  title?: string;
  description?: string;
}

/**
 * A family of resources behind one URI template (`tableport://bases/{base_id}/schema`): listed per
 * principal, read as JSON text after the Authorizer allowed the action on the resource.
 */
export interface ResourceTemplateDefinition {
  name: string;
  title: string;
  description: string;
  uriTemplate: string;
  mimeType: 'application/json';
  action: Action;
  /** The base (and workspace) a URI's variables name, for the permission check. */
  resource: (variables: Record<string, string>) => ResourceRef;
  list: (context: ToolContext) => Promise<ResourceEntry[]>;
  read: (variables: Record<string, string>, context: ToolContext) => Promise<unknown>;
}
