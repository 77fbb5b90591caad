import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../infra/log/logger';
import type { AppEnv } from '../gateway.types';
import { nodeResponse } from './security-headers';

const VALID_ID = /^[A-Za-z0-9._:=-]{1,128}$/;

/** Requests in flight and whether the process is shutting down (readiness, `Connection: close`). */
export interface InFlight {
  readonly count: number;
  shuttingDown: boolean;
}

/** Creates the in-flight counter shared by the middleware and the server lifecycle. */
export function createInFlight(): InFlight & { enter(): void; leave(): void } {
  let count = 0;
  return {
    shuttingDown: false,
    get count() {
      return count;
    },
    enter: () => void count++,
    leave: () => void count--,
  };
}

/**
 * Request id (accepts a well-formed incoming `X-Request-Id`, else generates one, and echoes it),
 * a child logger carrying it, and in-flight tracking. During shutdown responses carry
 * `Connection: close` so keep-alive clients move to another node.
 */
export function requestContext(options: {
  logger: Logger;
  inFlight: ReturnType<typeof createInFlight>;
  trustedProxy?: (address: string) => boolean;
}): MiddlewareHandler<AppEnv> {
  const { trustedProxy } = options;
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && VALID_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    c.set('rootLogger', options.logger);
    c.set('principal', null);
    if (trustedProxy) c.set('trustedProxy', trustedProxy);
    const outgoing = nodeResponse(c);
    if (outgoing) {
      outgoing.setHeader('X-Request-Id', requestId);
      if (options.inFlight.shuttingDown) outgoing.setHeader('Connection', 'close');
    }
    options.inFlight.enter();
    try {
      await next();
    } finally {
      options.inFlight.leave();
      if (!outgoing) {
        c.header('X-Request-Id', requestId);
        if (options.inFlight.shuttingDown) c.header('Connection', 'close');
      }
    }
  };
}
