import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX } from '@fasto/contracts';

export interface RegisteredRoute {
  /** e.g. `GET /api/auth/me` */
  key: string;
  method: string;
  path: string;
  controller: Type;
  handler: (...args: unknown[]) => unknown;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every route Nest registered, read from the controllers' own metadata. */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | undefined;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || paths === undefined) continue;
        for (const path of ([] as string[]).concat(paths)) {
          const full = join(API_PREFIX, base, path);
          routes.push({ key: `${RequestMethod[method]} ${full}`, method: RequestMethod[method], path: full, controller, handler });
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
