import type { Routes } from '@angular/router';
import { MembersPage } from './members.page';

export const MEMBERS_ROUTES: Routes = [
  { path: '', component: MembersPage },
  { path: ':id', component: MembersPage },
];
