import { Role } from '@fasto/contracts';
import type { MessageKey } from '../i18n/messages';

export type MenuIcon =
  | 'dashboard'
  | 'attendances'
  | 'members'
  | 'teams'
  | 'funnels'
  | 'origins'
  | 'audit'
  | 'settings'
  | 'webhooks'
  | 'console'
  | 'profile'
  | 'goals';

export interface MenuItem {
  path: string;
  label: MessageKey;
  icon: MenuIcon;
  /** Roles that see the item; the matching route guard allows exactly these (the API checks again). */
  roles: readonly Role[];
}

const TENANT = [Role.Admin, Role.Manager, Role.Agent] as const;

/** Every screen of the sidebar, with who may open it (SPEC §2: managers and agents never see Funnels/Origins). */
export const MENU: readonly MenuItem[] = [
  { path: '/dashboard', label: 'nav.dashboard', icon: 'dashboard', roles: TENANT },
  { path: '/attendances', label: 'nav.attendances', icon: 'attendances', roles: TENANT },
  { path: '/members', label: 'nav.members', icon: 'members', roles: [Role.Admin, Role.Manager] },
  { path: '/teams', label: 'nav.teams', icon: 'teams', roles: [Role.Admin, Role.Manager] },
  { path: '/goals', label: 'nav.goals', icon: 'goals', roles: [Role.Admin, Role.Manager] },
  { path: '/funnels', label: 'nav.funnels', icon: 'funnels', roles: [Role.Admin] },
  { path: '/origins', label: 'nav.origins', icon: 'origins', roles: [Role.Admin] },
  { path: '/audit', label: 'nav.audit', icon: 'audit', roles: [Role.Admin, Role.SuperAdmin] },
  { path: '/settings', label: 'nav.settings', icon: 'settings', roles: [Role.Admin] },
  { path: '/webhooks', label: 'nav.webhooks', icon: 'webhooks', roles: [Role.Admin] },
  { path: '/tv-links', label: 'nav.tv', icon: 'dashboard', roles: [Role.Admin] },
  { path: '/console', label: 'nav.console', icon: 'console', roles: [Role.SuperAdmin] },
  { path: '/profile', label: 'nav.profile', icon: 'profile', roles: [...TENANT, Role.SuperAdmin] },
];

export const menuFor = (role: Role): MenuItem[] => MENU.filter((item) => item.roles.includes(role));

export const rolesFor = (path: string): readonly Role[] => MENU.find((item) => item.path === path)?.roles ?? [];

/** Where a role lands after signing in. */
export const homeFor = (role: Role): string => (role === Role.SuperAdmin ? '/console' : '/dashboard');

/** Whether a role may stay on a URL (for when the session's role changes under an open screen, e.g. impersonation ends). */
export function allowedAt(url: string, role: Role): boolean {
  const path = url.split(/[?#]/)[0];
  const item = MENU.find((entry) => path === entry.path || path.startsWith(`${entry.path}/`));
  return !item || item.roles.includes(role);
}
