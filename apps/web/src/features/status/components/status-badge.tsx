import { Badge } from '../../../components/ui/badge';
import { toneIcons, type Tone } from './tone-icons';

/** A status word with an icon and a tone; the word alone carries the meaning. */
export function StatusBadge({ tone, children }: { tone: Tone; children: string }) {
  const Icon = toneIcons[tone];
  return (
    <Badge tone={tone}>
      <Icon aria-hidden="true" />
      {children}
    </Badge>
  );
}
