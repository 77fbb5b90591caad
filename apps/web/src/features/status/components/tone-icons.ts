import { CircleCheckIcon, CircleDashedIcon, CircleXIcon, TriangleAlertIcon } from 'lucide-react';

/** The icon that goes with each tone, so a state never relies on colour alone. */
export const toneIcons = {
  success: CircleCheckIcon,
  danger: CircleXIcon,
  warning: TriangleAlertIcon,
  neutral: CircleDashedIcon,
} as const;

/** The tones a status can take. */
export type Tone = keyof typeof toneIcons;
