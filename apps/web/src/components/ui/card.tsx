import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

/** A bordered panel; pass `aria-labelledby` and render it as a section when it has a heading. */
export function Card({ className, ...props }: ComponentProps<'section'>) {
  return (
    <section
      data-slot="card"
      className={cn('min-w-0 rounded-xl border bg-card text-card-foreground shadow-xs', className)}
      {...props}
    />
  );
}

/** The top of a card: its title, description and actions. */
export function CardHeader({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="card-header"
      className={cn('flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-5 pt-5', className)}
      {...props}
    />
  );
}

/** A card's heading (an h2 by default; the page's h1 is its title). */
export function CardTitle({ className, ...props }: ComponentProps<'h2'>) {
  return (
    <h2
      data-slot="card-title"
      className={cn('text-base font-semibold leading-tight', className)}
      {...props}
    />
  );
}

/** One line under the title. */
export function CardDescription({ className, ...props }: ComponentProps<'p'>) {
  return (
    <p data-slot="card-description" className={cn('text-sm text-muted-foreground', className)} {...props} />
  );
}

/** The body of a card. */
export function CardContent({ className, ...props }: ComponentProps<'div'>) {
  return <div data-slot="card-content" className={cn('px-5 pt-4 pb-5', className)} {...props} />;
}
