import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { formatCount, formatPercent } from '../../../lib/format';
import type { StatusMetrics } from '../metrics.summary';
import { RoutesTable } from './routes-table';
import { Stat } from './stat';

/** HTTP traffic since the server started: totals, error rates and the busiest routes. */
export function RequestsCard({ requests }: { requests: StatusMetrics['requests'] }) {
  const clientErrorRate = requests.total > 0 ? requests.clientErrors / requests.total : Number.NaN;
  return (
    <Card aria-labelledby="requests-title">
      <CardHeader>
        <div className="space-y-1">
          <CardTitle id="requests-title">Requests</CardTitle>
          <CardDescription>
            Since the server started, from http_server_request_duration_seconds.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        <dl className="grid gap-3 sm:grid-cols-3">
          <Stat label="Total requests" value={formatCount(requests.total)} />
          <Stat
            label="Server errors (5xx)"
            value={formatPercent(requests.errorRate)}
            hint={`${formatCount(requests.serverErrors)} of ${formatCount(requests.total)}`}
          />
          <Stat
            label="Client errors (4xx)"
            value={formatPercent(clientErrorRate)}
            hint={`${formatCount(requests.clientErrors)} of ${formatCount(requests.total)}`}
          />
        </dl>
        <RoutesTable routes={requests.routes} />
      </CardContent>
    </Card>
  );
}
