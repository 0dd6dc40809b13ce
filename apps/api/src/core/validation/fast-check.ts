import type { Type } from '@nestjs/common';

/** A hand-written check of a DTO's rules: the DTO for a valid plain object, null for anything else. */
export type FastCheck<T> = (raw: Record<string, unknown>) => T | null;

const checks = new Map<Type<unknown>, FastCheck<unknown>>();

/**
 * Lets the global validation pipe answer a hot route's valid bodies without class-validator's
 * metadata walk (QUALITY P3). Only a yes is trusted: anything the check refuses, or throws on,
 * goes through class-validator, whose verdict and messages stand. The check must apply exactly
 * the DTO's rules (keep an equivalence spec next to it).
 */
export function registerFastCheck<T>(dto: Type<T>, check: FastCheck<T>): void {
  checks.set(dto, check as FastCheck<unknown>);
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The DTO if the registered check accepts `value`; undefined when there is no check or no yes. */
export function fastChecked(dto: Type<unknown> | undefined, value: unknown): unknown {
  const check = dto ? checks.get(dto) : undefined;
  if (!check || !isPlainObject(value)) return undefined;
  try {
    return check(value) ?? undefined;
  } catch {
    return undefined;
  }
}
