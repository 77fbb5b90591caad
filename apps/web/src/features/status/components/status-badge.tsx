import { CircleCheckIcon, CircleDashedIcon, CircleXIcon, TriangleAlertIcon } from 'lucide-react';
import { Badge } from '../../../components/ui/badge';

const icons = {
  success: CircleCheckIcon,
  danger: CircleXIcon,
  warning: TriangleAlertIcon,
  neutral: CircleDashedIcon,
} as const;

/** A status word with an icon and a tone; the word alone carries the meaning. */
export function StatusBadge({ tone, children }: { tone: keyof typeof icons; children: string }) {
  const Icon = icons[tone];
  return (
    <Badge tone={tone}>
      <Icon aria-hidden="true" />
      {children}
    </Badge>
  );
}
