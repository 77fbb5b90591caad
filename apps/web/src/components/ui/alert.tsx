import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

const alertVariants = cva(
  'grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-0.5 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4',
  {
    variants: {
      tone: {
        info: 'bg-card text-card-foreground',
        warning: 'border-warning/40 bg-warning-soft text-foreground [&>svg]:text-warning',
        danger: 'border-destructive/40 bg-destructive-soft text-foreground [&>svg]:text-destructive',
      },
    },
    defaultVariants: { tone: 'info' },
  },
);

/** A message box with an icon, a title and a description. Defaults to `role="status"`. */
export function Alert({
  className,
  tone,
  ...props
}: ComponentProps<'div'> & VariantProps<typeof alertVariants>) {
  return (
    <div data-slot="alert" role="status" className={cn(alertVariants({ tone }), className)} {...props} />
  );
}

/** The alert's first line. */
export function AlertTitle({ className, ...props }: ComponentProps<'p'>) {
  return <p data-slot="alert-title" className={cn('col-start-2 font-medium', className)} {...props} />;
}

/** The alert's explanation. */
export function AlertDescription({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="alert-description"
      className={cn('col-start-2 text-muted-foreground', className)}
      {...props}
    />
  );
}
