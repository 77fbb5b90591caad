import type { Principal } from '../../gateway/gateway.types';
import { ACTIONS } from '../../platform/authz/authz.types';
import type { AnyToolDefinition } from './tool.types';

const hasScopeFor = (principal: Principal, tool: AnyToolDefinition) => {
  const scope: string | null = ACTIONS[tool.action].scope;
  return principal.scopes === 'all' || (scope !== null && principal.scopes.includes(scope));
};

/**
 * The tools a principal sees, in a fixed order (by name, so `tools/list` is byte-stable and hosts'
 * prompt caches hit). Read-only mode (config) hides every write tool; a key or token without the
 * write scope a tool needs never sees that tool. Read tools stay listed: calling one without the
 * scope is refused by the Authorizer with a message naming the scope.
 */
export function visibleTools(input: {
  tools: readonly AnyToolDefinition[];
  principal: Principal;
  readOnly: boolean;
}): AnyToolDefinition[] {
  return input.tools
    .filter((tool) => tool.kind === 'read' || (!input.readOnly && hasScopeFor(input.principal, tool)))
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}
