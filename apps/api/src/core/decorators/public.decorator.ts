import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'fasto:isPublic';

/** The only way to open a route to unauthenticated callers; everything else is denied by default. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
