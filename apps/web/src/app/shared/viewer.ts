import { computed, inject, type Signal } from '@angular/core';
import { AuthSession } from '@fasto/api-client';
import { Role, type AuthUser } from '@fasto/contracts';

/** The signed-in person as the tenant's screens ask about them. */
export interface Viewer {
  readonly user: Signal<AuthUser | null>;
  /** An agent's while no one is signed in: the fewest rights. */
  readonly role: Signal<Role>;
  /** Admins see every team: they filter by team and manage teams, members and company goals. */
  readonly isAdmin: Signal<boolean>;
  /** Admins and managers lead agents: they filter by agent and set goals (the API keeps a manager to their team). */
  readonly leadsAgents: Signal<boolean>;
}

/** Call in an injection context (a field initializer). */
export function injectViewer(): Viewer {
  const user = inject(AuthSession).user;
  const role = computed(() => user()?.role ?? Role.Agent);
  return {
    user,
    role,
    isAdmin: computed(() => role() === Role.Admin),
    leadsAgents: computed(() => role() === Role.Admin || role() === Role.Manager),
  };
}

/** Agents and managers attend customers: they are whom an agent filter, a ranking or an agent's goal lists. */
export const attendsCustomers = (user: { role: Role }): boolean => user.role === Role.Agent || user.role === Role.Manager;
