import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeServer } from '../test/fake-server';
import { metricsText, readyBody } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// Addresses that the server itself serves, outside the single-page app.
const serverPaths = new Set(['/api/docs', '/metrics']);

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    createFakeServer({
      '/readyz': { status: 200, body: readyBody },
      '/metrics': { status: 200, body: metricsText },
    }).fetch,
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('app shell', () => {
  it('has a banner, a main landmark, a labelled navigation and a skip link', async () => {
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Home', 'Status']);
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe('#main');
  });

  it('marks the current page in the navigation', async () => {
    renderApp('/status');
    await screen.findByRole('heading', { level: 1, name: 'Server status' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Status' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
  });

  it('shows the server state in the header, linking to the status page', async () => {
    renderApp('/');
    const indicator = await screen.findByRole('link', { name: 'Server: Ready' });
    expect(indicator.getAttribute('href')).toBe('/status');
  });

  it('navigates between pages from the sidebar', async () => {
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    await userEvent.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Status' }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Server status' });
    expect(router.state.location.pathname).toBe('/status');
  });

  it('opens the navigation in a sheet from the menu button', async () => {
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    await userEvent.click(screen.getByRole('button', { name: 'Open navigation' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('link', { name: 'Status' }));
    await screen.findByRole('heading', { level: 1, name: 'Server status' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('renders the not-found page inside the layout for unknown addresses', async () => {
    renderApp('/no/such/page');
    const notFound = await screen.findByTestId('not-found');
    expect(within(notFound).getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(within(notFound).getByText('/no/such/page')).toBeTruthy();
    expect(within(notFound).getByRole('link', { name: 'Back to home' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('links only to routes the router declares or to addresses the server serves', async () => {
    for (const path of ['/', '/status', '/missing']) {
      const { router, unmount } = renderApp(path);
      await screen.findByRole('heading', { level: 1 });
      const routes = new Set(Object.keys(router.routesByPath));
      for (const link of screen.getAllByRole('link')) {
        const href = link.getAttribute('href') ?? '';
        if (href.startsWith('#')) continue;
        expect(routes.has(href) || serverPaths.has(href), `${path} links to ${href}`).toBe(true);
      }
      unmount();
    }
  });
});
