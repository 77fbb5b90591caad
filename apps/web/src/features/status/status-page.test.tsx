import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeServer } from '../../test/fake-server';
import { metricsText, notReadyBody, readyBody } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const ready = { status: 200, body: readyBody };
const notReady = { status: 503, body: notReadyBody };
const metrics = { status: 200, body: metricsText };

function serve(answers: Parameters<typeof createFakeServer>[0]) {
  const server = createFakeServer(answers);
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

async function renderStatus() {
  const view = renderApp('/status');
  await screen.findByRole('heading', { level: 1, name: 'Server status' });
  return view;
}

function readinessCard() {
  return screen.getByRole('region', { name: 'Readiness' });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('status page: server ready', () => {
  beforeEach(() => serve({ '/readyz': ready, '/metrics': metrics }));

  it('shows readiness, build facts and each check', async () => {
    await renderStatus();
    const card = readinessCard();
    await within(card).findByText('Ready');
    expect(within(card).getByRole('status').textContent).toBe(
      'Server readiness: ReadyThe server is ready and accepting requests.',
    );
    expect(within(card).getByText('0.1.0')).toBeTruthy();
    expect(within(card).getByText('3f9c2a1')).toBeTruthy();
    expect(within(card).getByText('all')).toBeTruthy();
    expect(within(card).getByText('1 h 2 min')).toBeTruthy();
    const rows = within(within(card).getByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'CheckStatusLatencyDetail',
      'DatabaseUp0.8 mspglite',
      'Job queueUp2.1 ms',
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows requests, error rate and per-route latency from /metrics', async () => {
    await renderStatus();
    const card = await screen.findByRole('region', { name: 'Requests' });
    expect(within(card).getByText('Total requests').nextSibling?.textContent).toBe('110');
    expect(within(card).getByText('Server errors (5xx)').nextSibling?.textContent).toBe('1.8%');
    expect(within(card).getByText('2 of 110')).toBeTruthy();
    const routes = within(card).getByRole('table', { name: /Requests per route/ });
    const rows = within(routes).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'GET/v0/{baseId}/{tableIdOrName}102212.5 ms39.4 ms',
      'POST/mcp802 ms4.75 ms',
    ]);
  });

  it('shows memory, event loop lag, CPU and jobs per queue', async () => {
    await renderStatus();
    const runtime = await screen.findByRole('region', { name: 'Runtime' });
    expect(within(runtime).getByText('Memory (RSS)').nextSibling?.textContent).toBe('118.4 MiB');
    expect(within(runtime).getByText('Heap used').nextSibling?.textContent).toBe('40 MiB');
    expect(within(runtime).getByText('of 64 MiB allocated')).toBeTruthy();
    expect(within(runtime).getByText('Event loop lag').nextSibling?.textContent).toBe('2.41 ms');
    expect(within(runtime).getByText('4.5 s CPU time in total')).toBeTruthy();
    const jobs = within(screen.getByRole('region', { name: 'Jobs' })).getByRole('table');
    expect(
      within(jobs)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['QueueCreatedActiveCompletedFailed', 'automation.run00410', 'webhook.deliver3102']);
  });

  it('reads both endpoints again every 5 seconds and shows the change', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = serve({ '/readyz': ready, '/metrics': metrics });
    await renderStatus();
    await within(readinessCard()).findByText('Ready');
    const before = { readyz: server.calls('/readyz'), metrics: server.calls('/metrics') };

    server.answer('/readyz', notReady);
    await vi.advanceTimersByTimeAsync(5000);

    await within(readinessCard()).findByText('Not ready');
    expect(server.calls('/readyz')).toBeGreaterThan(before.readyz);
    expect(server.calls('/metrics')).toBeGreaterThan(before.metrics);
  });

  it('reads again at once when asked', async () => {
    const server = serve({ '/readyz': ready, '/metrics': metrics });
    await renderStatus();
    await within(readinessCard()).findByText('Ready');
    const before = server.calls('/readyz');
    await userEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    await waitFor(() => expect(server.calls('/readyz')).toBeGreaterThan(before));
  });
});

describe('status page: server not ready', () => {
  it('says not ready and shows the failing check with its error', async () => {
    serve({ '/readyz': notReady, '/metrics': metrics });
    await renderStatus();
    const card = readinessCard();
    await within(card).findByText('Not ready');
    expect(within(card).getByText(/not ready: a check below is failing/)).toBeTruthy();
    const redis = within(card).getByRole('row', { name: /Redis/ });
    expect(within(redis).getByText('Down')).toBeTruthy();
    expect(within(redis).getByText('connect ECONNREFUSED 127.0.0.1:6379')).toBeTruthy();
    expect(within(card).getByText('api')).toBeTruthy();
    expect(within(card).getByText('unknown')).toBeTruthy();
    expect(within(card).queryByText(/Reason:/)).toBeNull();
    // A 503 from /readyz is an answer, not a connection problem.
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('status page: server shutting down', () => {
  it('shows the reason the server gives', async () => {
    serve({
      '/readyz': { status: 503, body: { ...readyBody, status: 'not_ready', reason: 'shutting down' } },
    });
    await renderStatus();
    expect(await within(readinessCard()).findByText(/Reason: shutting down\./)).toBeTruthy();
  });
});

describe('status page: server unreachable', () => {
  it('shows a clear error instead of figures', async () => {
    serve({ '/readyz': 'unreachable', '/metrics': 'unreachable' });
    await renderStatus();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Cannot reach the server')).toBeTruthy();
    expect(within(alert).getByText('This page tries again every 5 seconds.')).toBeTruthy();
    expect(within(readinessCard()).getByText('Unreachable')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Requests' })).toBeNull();
  });

  it('keeps the last readings and says they are old when the server goes away', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = serve({ '/readyz': ready, '/metrics': metrics });
    await renderStatus();
    await screen.findByRole('region', { name: 'Requests' });

    server.answer('/readyz', 'unreachable');
    server.answer('/metrics', 'unreachable');
    await vi.advanceTimersByTimeAsync(5000);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Showing the last readings, from \d\d:\d\d:\d\d/)).toBeTruthy();
    expect(within(readinessCard()).getByText('Unreachable')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Requests' })).toBeTruthy();
  });

  it('explains an unexpected answer from /readyz', async () => {
    serve({ '/readyz': { status: 500, body: 'Internal Server Error' }, '/metrics': metrics });
    await renderStatus();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The server answered unexpectedly')).toBeTruthy();
    expect(within(alert).getByText('/readyz answered HTTP 500.')).toBeTruthy();
  });

  it('counts a proxy gateway error as the server being unreachable', async () => {
    serve({
      '/readyz': { status: 502, body: 'Bad Gateway' },
      '/metrics': { status: 502, body: 'Bad Gateway' },
    });
    await renderStatus();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Cannot reach the server')).toBeTruthy();
    expect(within(alert).getByText(/A proxy answered \/readyz with HTTP 502/)).toBeTruthy();
    expect(screen.queryByText('Metrics unavailable')).toBeNull();
  });

  it('counts a 503 without a readiness body as the server being unreachable', async () => {
    serve({ '/readyz': { status: 503, body: '<html>Service Unavailable</html>', contentType: 'text/html' } });
    await renderStatus();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Cannot reach the server')).toBeTruthy();
  });

  it('shows readiness while /metrics is missing, and says why metrics are absent', async () => {
    serve({ '/readyz': ready, '/metrics': { status: 404, body: 'Not Found' } });
    await renderStatus();
    await within(readinessCard()).findByText('Ready');
    expect(await screen.findByText('Metrics unavailable')).toBeTruthy();
    expect(screen.getByText('/metrics answered HTTP 404.')).toBeTruthy();
  });
});
