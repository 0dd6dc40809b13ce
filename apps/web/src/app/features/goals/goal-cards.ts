import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { GoalProgressView } from '@fasto/contracts';
import { GoalText } from './goal-text';
import { GoalCard } from './goal-card';

/** The dashboard's goals for its scope; nothing at all without goals, except a "set goals" link for those who may. */
@Component({
  selector: 'app-goal-cards',
  imports: [GoalCard, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (goals().length) {
      <section [attr.aria-label]="text.t('goals.dashboard.title')" data-testid="goal-cards">
        <div class="mb-2 flex items-baseline gap-3">
          <h2 class="flex-1 text-sm font-semibold">{{ text.t('goals.dashboard.title') }}</h2>
          @if (canManage()) {
            <a routerLink="/goals" class="text-xs font-medium text-accent hover:underline">{{ text.t('goals.dashboard.manage') }}</a>
          }
        </div>
        <div class="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          @for (goal of goals(); track goal.goal.id) {
            <app-goal-card [progress]="goal" />
          }
        </div>
      </section>
    } @else if (canManage()) {
      <p class="text-xs">
        <a routerLink="/goals" class="font-medium text-accent hover:underline" data-testid="goal-define">{{ text.t('goals.dashboard.define') }}</a>
      </p>
    }
  `,
})
export class GoalCards {
  protected readonly text = inject(GoalText);
  readonly goals = input.required<readonly GoalProgressView[]>();
  readonly canManage = input(false);
}
