import type { Role } from '@fasto/contracts';

/** Metadata keys the global guards read. Set only through the decorators in core/decorators. */
export const IS_PUBLIC_KEY = 'fasto:isPublic';
export const ROLES_KEY = 'fasto:roles';
export const INTEGRATION_ROUTE_KEY = 'fasto:integrationRoute';
/** Set only on the TV board's routes: the one place a TV link's token is accepted. */
export const TV_BOARD_ROUTE_KEY = 'fasto:tvBoardRoute';
export const DENIED_UNDER_IMPERSONATION_KEY = 'fasto:deniedUnderImpersonation';

export type RoleList = readonly Role[];
