export { loadConfig, type AppConfig } from './config';
export { ENV_SPEC, type EnvName } from './config.schema';
export { loadEnv, type Env } from './env';
export { resolveSecretKey } from './secret-key';
export { renderConfigurationTable } from './config-doc';
