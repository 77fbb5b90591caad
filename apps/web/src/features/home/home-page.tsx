import { Link } from '@tanstack/react-router';
import { ActivityIcon, BookOpenIcon, DatabaseIcon, GaugeIcon, PlugIcon } from 'lucide-react';
import { EndpointCard } from './endpoint-card';

const linkClass =
  'inline-flex items-center gap-1.5 text-sm font-medium text-primary underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none';

/** What Tableport is, and the addresses this server answers on. */
export function HomePage() {
  return (
    <div className="mx-auto max-w-5xl space-y-10">
      <title>Tableport</title>
      <section aria-labelledby="home-title" className="space-y-3">
        <h1 id="home-title" className="text-2xl font-semibold tracking-tight sm:text-3xl">
          Your Airtable data, for people and AI assistants
        </h1>
        <p className="max-w-3xl text-base text-muted-foreground">
          Tableport is a self-hosted platform that gives people and AI assistants safe, fast access to
          Airtable data. It runs as one server. It works with the bases of a connected Airtable account, or
          with its own embedded, Airtable-compatible store. MCP clients, Airtable clients and this web app all
          go through the same permissions, caching and audit trail.
        </p>
      </section>

      <section aria-labelledby="endpoints-title" className="space-y-4">
        <div className="space-y-1">
          <h2 id="endpoints-title" className="text-lg font-semibold">
            What this server offers
          </h2>
          <p className="text-sm text-muted-foreground">Every address below is served by this server.</p>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <EndpointCard
            icon={PlugIcon}
            title="MCP server"
            description={
              <>
                Model Context Protocol over Streamable HTTP, for Claude Desktop, Cursor and other MCP clients.
                For stdio, run <code className="font-mono text-xs whitespace-nowrap">tableport mcp</code>.
              </>
            }
            path="/mcp"
          />
          <EndpointCard
            icon={DatabaseIcon}
            title="Airtable-compatible API"
            description="The same paths, parameters, JSON and errors as Airtable's Web API, so any Airtable client works."
            path="/v0"
          />
          <EndpointCard
            icon={BookOpenIcon}
            title="Platform API"
            description="Workspaces, keys, automations and more under /api/v1, described by OpenAPI."
            path="/api/v1"
          >
            <a href="/api/docs" className={linkClass}>
              <BookOpenIcon className="size-4" aria-hidden="true" />
              API docs
            </a>
          </EndpointCard>
          <EndpointCard
            icon={GaugeIcon}
            title="Health and metrics"
            description="Readiness for load balancers at /readyz, and Prometheus metrics at /metrics."
            path="/metrics"
          >
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              <Link to="/status" className={linkClass}>
                <ActivityIcon className="size-4" aria-hidden="true" />
                Server status
              </Link>
              <a href="/metrics" className={linkClass}>
                <GaugeIcon className="size-4" aria-hidden="true" />
                Raw metrics
              </a>
            </div>
          </EndpointCard>
        </div>
      </section>
    </div>
  );
}
