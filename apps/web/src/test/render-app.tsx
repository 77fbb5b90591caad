import { createMemoryHistory } from '@tanstack/react-router';
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { App } from '../app/app';
import { createAppQueryClient } from '../app/query-client';
import { createAppRouter } from '../app/router';

afterEach(cleanup);

/** Renders the whole app (layout, router, query client) at `path`, as a browser would. */
export function renderApp(path: string) {
  const queryClient = createAppQueryClient();
  const router = createAppRouter({ queryClient, history: createMemoryHistory({ initialEntries: [path] }) });
  const view = render(<App queryClient={queryClient} router={router} />);
  return { ...view, router, queryClient };
}
