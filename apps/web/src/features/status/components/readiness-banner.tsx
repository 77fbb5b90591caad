import { cn } from '../../../lib/cn';
import type { ReadinessState } from '../readiness-state';
import { toneIcons } from './tone-icons';

const explanations: Record<ReadinessState['kind'], string> = {
  checking: 'Asking the server…',
  ready: 'The server is ready and accepting requests.',
  not_ready: 'The server is running but not ready: a check below is failing.',
  unreachable: 'The server did not answer.',
  unknown: 'The server answered in a way this page does not understand.',
};

/** The overall state in words, large, with an icon and colour that only repeat the words. */
export function ReadinessBanner({ state, reason }: { state: ReadinessState; reason: string | undefined }) {
  const Icon = toneIcons[state.tone];
  return (
    <div
      role="status"
      aria-live="polite"
      className={cn('flex items-center gap-3 rounded-lg px-4 py-3', {
        'bg-success-soft [&>svg]:text-success': state.tone === 'success',
        'bg-destructive-soft [&>svg]:text-destructive': state.tone === 'danger',
        'bg-warning-soft [&>svg]:text-warning': state.tone === 'warning',
        'bg-muted [&>svg]:text-muted-foreground': state.tone === 'neutral',
      })}
    >
      <Icon className="size-6 shrink-0" aria-hidden="true" />
      <div>
        <p className="font-semibold">
          <span className="sr-only">Server readiness: </span>
          {state.label}
        </p>
        <p className="text-sm text-muted-foreground">
          {explanations[state.kind]}
          {reason ? ` Reason: ${reason}.` : null}
        </p>
      </div>
    </div>
  );
}
