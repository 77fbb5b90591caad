import { Table2Icon } from 'lucide-react';

/** The Tableport mark and name. */
export function AppLogo() {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight">
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <Table2Icon className="size-4" aria-hidden="true" />
      </span>
      Tableport
    </span>
  );
}
