import { ActivityIcon, HouseIcon, type LucideIcon } from 'lucide-react';

/** A page of the app as the sidebar lists it. Only routes that exist belong here. */
export interface NavigationItem {
  to: '/' | '/status';
  label: string;
  icon: LucideIcon;
}

/** The sidebar's pages, in order. Later issues add bases, chat, automations, webhooks, settings. */
export const navigationItems: readonly NavigationItem[] = [
  { to: '/', label: 'Home', icon: HouseIcon },
  { to: '/status', label: 'Status', icon: ActivityIcon },
];
