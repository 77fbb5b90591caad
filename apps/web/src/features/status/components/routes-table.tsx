import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../components/ui/table';
import { formatCount, formatSeconds } from '../../../lib/format';
import type { RouteStats } from '../metrics.summary';

/** Requests per route template, busiest first, with mean and estimated p95 latency. */
export function RoutesTable({ routes }: { routes: readonly RouteStats[] }) {
  if (routes.length === 0) {
    return <p className="text-sm text-muted-foreground">No requests recorded yet.</p>;
  }
  return (
    <div className="-mx-5 border-t">
      <Table label="Requests per route">
        <TableCaption>
          Requests per route, busiest first. p95 is estimated from histogram buckets.
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Method</TableHead>
            <TableHead className="w-full">Route</TableHead>
            <TableHead className="text-right">Requests</TableHead>
            <TableHead className="text-right">5xx</TableHead>
            <TableHead className="text-right">Mean</TableHead>
            <TableHead className="text-right">
              <abbr title="95th percentile, estimated from histogram buckets">p95</abbr>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {routes.map((route) => (
            <TableRow key={`${route.method} ${route.route}`}>
              <TableCell className="font-mono text-xs font-medium">{route.method}</TableCell>
              <TableCell className="font-mono text-xs">{route.route}</TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(route.requests)}</TableCell>
              <TableCell
                className={
                  route.serverErrors > 0
                    ? 'text-right text-destructive tabular-nums'
                    : 'text-right tabular-nums'
                }
              >
                {formatCount(route.serverErrors)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatSeconds(route.meanSeconds)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatSeconds(route.p95Seconds)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
