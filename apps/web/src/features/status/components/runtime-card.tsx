import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { formatBytes, formatPercent, formatSeconds } from '../../../lib/format';
import type { ProcessStats } from '../metrics.summary';
import { Stat } from './stat';

/** Memory, event loop and CPU of the server process (prom-client's default metrics). */
export function RuntimeCard({
  process,
  cpuUtilisation,
}: {
  process: ProcessStats;
  cpuUtilisation: number | undefined;
}) {
  const cpuSeconds = process.cpuSecondsTotal;
  return (
    <Card aria-labelledby="runtime-title">
      <CardHeader>
        <div className="space-y-1">
          <CardTitle id="runtime-title">Runtime</CardTitle>
          <CardDescription>The Node.js process answering these requests.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 sm:grid-cols-2">
          <Stat label="Memory (RSS)" value={formatBytes(process.residentMemoryBytes)} />
          <Stat
            label="Heap used"
            value={formatBytes(process.heapUsedBytes)}
            hint={
              process.heapTotalBytes === undefined
                ? undefined
                : `of ${formatBytes(process.heapTotalBytes)} allocated`
            }
          />
          <Stat
            label="Event loop lag"
            value={formatSeconds(process.eventLoopLagSeconds)}
            hint={
              process.eventLoopLagP99Seconds === undefined
                ? undefined
                : `p99 ${formatSeconds(process.eventLoopLagP99Seconds)}`
            }
          />
          <Stat
            label="CPU"
            value={cpuUtilisation === undefined ? 'Measuring…' : formatPercent(cpuUtilisation)}
            hint={cpuSeconds === undefined ? undefined : `${formatSeconds(cpuSeconds)} CPU time in total`}
          />
        </dl>
      </CardContent>
    </Card>
  );
}
