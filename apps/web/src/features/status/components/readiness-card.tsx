import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { formatUptime } from '../../../lib/format';
import type { ReadinessReading } from '../readiness.api';
import type { ReadinessState } from '../readiness-state';
import { ChecksTable } from './checks-table';
import { ReadinessBanner } from './readiness-banner';

/** Overall readiness, the build and process facts, and each dependency check of `/readyz`. */
export function ReadinessCard({
  state,
  reading,
}: {
  state: ReadinessState;
  reading: ReadinessReading | undefined;
}) {
  const readiness = reading?.readiness;
  return (
    <Card aria-labelledby="readiness-title">
      <CardHeader>
        <div className="space-y-1">
          <CardTitle id="readiness-title">Readiness</CardTitle>
          <CardDescription>From /readyz, as a load balancer sees it.</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        <ReadinessBanner state={state} reason={readiness?.reason} />
        {readiness ? (
          <>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
              <Fact term="Version" value={readiness.version ?? '—'} />
              <Fact term="Commit" value={shortCommit(readiness.commit)} title={readiness.commit} />
              <Fact term="Role" value={readiness.role ?? '—'} />
              <Fact term="Uptime" value={formatUptime(readiness.uptimeSeconds)} />
            </dl>
            <ChecksTable checks={readiness.checks} />
          </>
        ) : state.kind === 'checking' ? (
          <Skeleton className="h-24" />
        ) : null}
      </CardContent>
    </Card>
  );
}

function Fact({ term, value, title }: { term: string; value: string; title?: string | undefined }) {
  return (
    <div className="space-y-0.5">
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="font-medium" title={title}>
        {value}
      </dd>
    </div>
  );
}

function shortCommit(commit: string | undefined): string {
  if (!commit) return '—';
  return /^[0-9a-f]{8,}$/i.test(commit) ? commit.slice(0, 7) : commit;
}
