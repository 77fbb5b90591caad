import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../components/ui/table';
import { formatMilliseconds } from '../../../lib/format';
import type { ReadinessCheck } from '../readiness.api';
import { StatusBadge } from './status-badge';

const checkNames: Record<string, string> = { database: 'Database', queue: 'Job queue', redis: 'Redis' };

/** One row per dependency check: status, latency, and the detail or error. */
export function ChecksTable({ checks }: { checks: Readonly<Record<string, ReadinessCheck>> }) {
  const entries = Object.entries(checks);
  if (entries.length === 0)
    return <p className="text-sm text-muted-foreground">The server reported no checks.</p>;
  return (
    <div className="-mx-5 border-t">
      <Table label="Dependency checks">
        <TableCaption>Dependency checks</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Check</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Latency</TableHead>
            <TableHead className="w-full">Detail</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map(([name, check]) => (
            <TableRow key={name}>
              <TableCell className="font-medium">{checkNames[name] ?? name}</TableCell>
              <TableCell>
                <StatusBadge tone={checkTone(check.status)}>{checkLabel(check.status)}</StatusBadge>
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatMilliseconds(check.latencyMs)}</TableCell>
              <TableCell className="whitespace-normal">
                {check.error ? (
                  <span className="text-destructive">{check.error}</span>
                ) : (
                  <span className="text-muted-foreground">{check.detail ?? ''}</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function checkTone(status: string) {
  if (status === 'up') return 'success';
  if (status === 'down') return 'danger';
  return 'warning';
}

function checkLabel(status: string): string {
  if (status === 'up') return 'Up';
  if (status === 'down') return 'Down';
  return status.charAt(0).toUpperCase() + status.slice(1);
}
