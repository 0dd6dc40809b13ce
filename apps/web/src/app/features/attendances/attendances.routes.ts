import type { Routes } from '@angular/router';
import { AttendancesPage } from './attendances.page';

export const ATTENDANCE_ROUTES: Routes = [
  { path: '', component: AttendancesPage },
  { path: ':id', component: AttendancesPage },
];
