import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './gateway.types';
import { validationError } from './error-handler';

/** The typed `/api/v1` app: zod-validated routes that also feed the OpenAPI 3.1 document. */
export type ApiApp = OpenAPIHono<AppEnv>;

/** Creates an OpenAPIHono whose validation failures become `request.invalid` AppErrors. */
export function createApiApp(): ApiApp {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}
