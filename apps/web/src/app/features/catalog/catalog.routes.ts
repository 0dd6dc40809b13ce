import type { Routes } from '@angular/router';
import { CatalogPage } from './catalog.page';

/** Mounted twice: `/funnels` (kind funnels) and `/origins` (kind origins). */
export const CATALOG_ROUTES: Routes = [{ path: '', component: CatalogPage }];
