import { SetMetadata } from '@nestjs/common';
import { IS_PUBLIC_KEY } from '../access/access-metadata';

/** The only way to open a route to unauthenticated callers; everything else is denied by default. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
