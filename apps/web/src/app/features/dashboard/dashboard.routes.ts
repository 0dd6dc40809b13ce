import type { Routes } from '@angular/router';
import { DashboardPage } from './dashboard.page';

/** Its own lazy chunk: ngx-charts is imported only from here. */
export const DASHBOARD_ROUTES: Routes = [{ path: '', component: DashboardPage }];
