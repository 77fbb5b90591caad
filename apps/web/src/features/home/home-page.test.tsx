import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeServer } from '../../test/fake-server';
import { readyBody } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

beforeEach(() => {
  vi.stubGlobal('fetch', createFakeServer({ '/readyz': { status: 200, body: readyBody } }).fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('home page', () => {
  it('says what Tableport is', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(
      screen.getByText(/gives people and AI assistants safe, fast access to Airtable data/),
    ).toBeTruthy();
  });

  it('lists the MCP, /v0, platform API and metrics addresses of this server', async () => {
    renderApp('/');
    const section = await screen.findByRole('region', { name: 'What this server offers' });
    const origin = window.location.origin;
    for (const [title, path] of [
      ['MCP server', '/mcp'],
      ['Airtable-compatible API', '/v0'],
      ['Platform API', '/api/v1'],
      ['Health and metrics', '/metrics'],
    ] as const) {
      const card = within(section).getByRole('region', { name: title });
      expect(within(card).getByText(`${origin}${path}`)).toBeTruthy();
      expect(within(card).getByRole('button', { name: `Copy the ${title} address` })).toBeTruthy();
    }
  });

  it('links to the API docs, the raw metrics and the status page', async () => {
    renderApp('/');
    await screen.findByRole('region', { name: 'What this server offers' });
    expect(screen.getByRole('link', { name: 'API docs' }).getAttribute('href')).toBe('/api/docs');
    expect(screen.getByRole('link', { name: 'Raw metrics' }).getAttribute('href')).toBe('/metrics');
    expect(screen.getByRole('link', { name: 'Server status' }).getAttribute('href')).toBe('/status');
  });

  it('copies an address to the clipboard and says so', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'MCP server' });
    await user.click(within(card).getByRole('button', { name: 'Copy the MCP server address' }));
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/mcp`);
    expect(within(card).getByRole('status').textContent).toBe('Copied');
  });
});
