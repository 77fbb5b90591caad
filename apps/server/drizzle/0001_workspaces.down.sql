DROP TABLE IF EXISTS "workspaces";
