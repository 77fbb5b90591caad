import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../components/ui/table';
import { formatCount } from '../../../lib/format';
import type { JobCount } from '../metrics.summary';

// pg-boss's states in the order a job passes through them; others follow alphabetically.
const stateOrder = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];

/** Jobs per queue and state, from `tableport_jobs`. */
export function JobsCard({ jobs }: { jobs: readonly JobCount[] }) {
  const states = orderedStates(jobs);
  const queues = [...new Set(jobs.map((job) => job.queue))].sort();
  const count = (queue: string, state: string) =>
    jobs.find((job) => job.queue === queue && job.state === state)?.count ?? 0;
  return (
    <Card aria-labelledby="jobs-title">
      <CardHeader>
        <div className="space-y-1">
          <CardTitle id="jobs-title">Jobs</CardTitle>
          <CardDescription>Background work per queue, from tableport_jobs.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {queues.length === 0 ? (
          <p className="text-sm text-muted-foreground">No job queues reported yet.</p>
        ) : (
          <div className="-mx-5 -mb-5 border-t">
            <Table label="Jobs per queue and state">
              <TableCaption>Jobs per queue and state</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-full">Queue</TableHead>
                  {states.map((state) => (
                    <TableHead key={state} className="text-right">
                      {state.charAt(0).toUpperCase() + state.slice(1)}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {queues.map((queue) => (
                  <TableRow key={queue}>
                    <TableHead
                      scope="row"
                      className="h-auto py-2 font-mono text-xs font-medium text-foreground"
                    >
                      {queue}
                    </TableHead>
                    {states.map((state) => (
                      <TableCell key={state} className="text-right tabular-nums">
                        {formatCount(count(queue, state))}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function orderedStates(jobs: readonly JobCount[]): string[] {
  const states = [...new Set(jobs.map((job) => job.state))];
  const rank = (state: string) => {
    const index = stateOrder.indexOf(state);
    return index === -1 ? stateOrder.length : index;
  };
  return states.sort((left, right) => rank(left) - rank(right) || left.localeCompare(right));
}
