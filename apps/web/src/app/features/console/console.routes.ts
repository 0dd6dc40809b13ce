import type { Routes } from '@angular/router';
import { ConsolePage } from './console.page';
import { TenantPage } from './tenant.page';

export const CONSOLE_ROUTES: Routes = [
  { path: '', component: ConsolePage },
  { path: 'tenants/:id', component: TenantPage },
];
