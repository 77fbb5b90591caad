export * from './workspaces.schemas';
export * from './access.schemas';
