import type { Route } from '@angular/router';
import { roleGuard, signedInGuard, signedOutGuard } from './core/auth/guards';

const soon = () => import('./features/placeholder/coming-soon.page').then((m) => m.ComingSoonPage);

export const appRoutes: Route[] = [
  {
    path: '',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/auth/auth-layout').then((m) => m.AuthLayout),
    children: [
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
      { path: 'members', canMatch: [roleGuard('/members')], loadComponent: soon, data: { title: 'nav.members' } },
      { path: 'teams', canMatch: [roleGuard('/teams')], loadComponent: soon, data: { title: 'nav.teams' } },
      { path: 'funnels', canMatch: [roleGuard('/funnels')], loadComponent: soon, data: { title: 'nav.funnels' } },
      { path: 'origins', canMatch: [roleGuard('/origins')], loadComponent: soon, data: { title: 'nav.origins' } },
      { path: 'audit', canMatch: [roleGuard('/audit')], loadComponent: soon, data: { title: 'nav.audit' } },
      { path: 'console', canMatch: [roleGuard('/console')], loadComponent: soon, data: { title: 'nav.console' } },
      { path: 'profile', canMatch: [roleGuard('/profile')], loadComponent: soon, data: { title: 'nav.profile' } },
      { path: '**', loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage) },
    ],
  },
];
