import { CheckIcon, CopyIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from './button';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `value` to the clipboard and says so; `label` is the button's accessible name. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // Browsers refuse the clipboard outside secure contexts (plain http on a LAN address).
      setState('failed');
    }
  };

  return (
    <span className="flex items-center gap-1">
      <span role="status" className="text-xs text-muted-foreground">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy blocked; select the text' : ''}
      </span>
      <Button variant="ghost" size="icon" className="size-8" aria-label={label} onClick={() => void copy()}>
        {state === 'copied' ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
      </Button>
    </span>
  );
}
