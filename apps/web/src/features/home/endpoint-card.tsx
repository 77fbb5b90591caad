import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/ui/card';
import { CopyButton } from '../../components/ui/copy-button';

/** One service the server offers: what it is, its address, and what to do with it. */
export function EndpointCard(props: {
  icon: LucideIcon;
  title: string;
  description: ReactNode;
  path: string;
  children?: ReactNode;
}) {
  const titleId = useId();
  const url = `${window.location.origin}${props.path}`;
  return (
    <Card aria-labelledby={titleId} className="flex flex-col">
      <CardHeader className="flex-nowrap justify-start">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent text-accent-foreground">
          <props.icon className="size-4.5" aria-hidden="true" />
        </span>
        <div className="space-y-1">
          <CardTitle id={titleId}>{props.title}</CardTitle>
          <CardDescription>{props.description}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="mt-auto space-y-3">
        <div className="flex items-center gap-2 rounded-md border bg-muted/60 py-1 pr-1 pl-3">
          <code className="min-w-0 flex-1 truncate font-mono text-sm" title={url}>
            {url}
          </code>
          <CopyButton value={url} label={`Copy the ${props.title} address`} />
        </div>
        {props.children}
      </CardContent>
    </Card>
  );
}
