import type { Route } from '@angular/router';
import { roleGuard, signedInGuard, signedOutGuard } from './core/auth/guards';

export const appRoutes: Route[] = [
  // The wall screen: no shell and no sign-in guard (a TV link's token, or the signed-in session, opens it).
  { path: 'tv', loadComponent: () => import('./features/tv/tv-board.page').then((m) => m.TvBoardPage) },
  {
    path: '',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/auth/auth-layout').then((m) => m.AuthLayout),
    children: [
      // Without it a signed-out `/` matches this layout with an empty outlet (issue 19): a blank card.
      { path: '', pathMatch: 'full', redirectTo: 'login' },
      { path: 'login', loadComponent: () => import('./features/auth/login.page').then((m) => m.LoginPage) },
      { path: 'forgot-password', loadComponent: () => import('./features/auth/forgot-password.page').then((m) => m.ForgotPasswordPage) },
      { path: 'reset-password', loadComponent: () => import('./features/auth/reset-password.page').then((m) => m.ResetPasswordPage) },
      { path: 'accept-invite', loadComponent: () => import('./features/auth/accept-invite.page').then((m) => m.AcceptInvitePage) },
    ],
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./layout/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./features/home/home-redirect').then((m) => m.HomeRedirect) },
      {
        path: 'dashboard',
        canMatch: [roleGuard('/dashboard')],
        loadChildren: () => import('./features/dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'attendances',
        canMatch: [roleGuard('/attendances')],
        loadChildren: () => import('./features/attendances/attendances.routes').then((m) => m.ATTENDANCE_ROUTES),
      },
      {
        path: 'members',
        canMatch: [roleGuard('/members')],
        loadChildren: () => import('./features/members/members.routes').then((m) => m.MEMBERS_ROUTES),
      },
      { path: 'teams', canMatch: [roleGuard('/teams')], loadComponent: () => import('./features/teams/teams.page').then((m) => m.TeamsPage) },
      {
        path: 'funnels',
        canMatch: [roleGuard('/funnels')],
        data: { kind: 'funnels' },
        loadChildren: () => import('./features/catalog/catalog.routes').then((m) => m.CATALOG_ROUTES),
      },
      {
        path: 'origins',
        canMatch: [roleGuard('/origins')],
        data: { kind: 'origins' },
        loadChildren: () => import('./features/catalog/catalog.routes').then((m) => m.CATALOG_ROUTES),
      },
      { path: 'goals', canMatch: [roleGuard('/goals')], loadComponent: () => import('./features/goals/goals.page').then((m) => m.GoalsPage) },
      { path: 'audit', canMatch: [roleGuard('/audit')], loadComponent: () => import('./features/audit/audit.page').then((m) => m.AuditPage) },
      { path: 'settings', canMatch: [roleGuard('/settings')], loadComponent: () => import('./features/settings/settings.page').then((m) => m.SettingsPage) },
      { path: 'tv-links', canMatch: [roleGuard('/tv-links')], loadComponent: () => import('./features/tv/tv-links.page').then((m) => m.TvLinksPage) },
      { path: 'webhooks', canMatch: [roleGuard('/webhooks')], loadComponent: () => import('./features/webhooks/webhooks.page').then((m) => m.WebhooksPage) },
      {
        path: 'console',
        canMatch: [roleGuard('/console')],
        loadChildren: () => import('./features/console/console.routes').then((m) => m.CONSOLE_ROUTES),
      },
      { path: 'profile', canMatch: [roleGuard('/profile')], loadComponent: () => import('./features/profile/profile.page').then((m) => m.ProfilePage) },
      { path: '**', loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage) },
    ],
  },
];
