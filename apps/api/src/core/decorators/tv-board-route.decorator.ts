import { Role } from '@fasto/contracts';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { TV_BOARD_ROUTE_KEY } from '../access/access-metadata';
import { Authorized } from './authorized.decorator';

/**
 * The one access declaration of the TV board's routes: a TV link's token (header only), or a
 * signed-in admin or manager. A TV token is refused on every route without this.
 */
export const TvBoardRoute = () => applyDecorators(Authorized(Role.Admin, Role.Manager), SetMetadata(TV_BOARD_ROUTE_KEY, true), ApiSecurity('tv-token'));
