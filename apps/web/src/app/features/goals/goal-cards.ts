import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { GoalProgressView } from '@fasto/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { GoalCard } from './goal-card';

/** The dashboard's goals for its scope; nothing at all without goals, except a "set goals" link for those who may. */
@Component({
  selector: 'app-goal-cards',
  imports: [GoalCard, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (goals().length) {
      <section [attr.aria-label]="i18n.t('goals.dashboard.title')" data-testid="goal-cards">
        <div class="mb-2 flex items-baseline gap-3">
          <h2 class="flex-1 text-sm font-semibold">{{ i18n.t('goals.dashboard.title') }}</h2>
          @if (canManage()) {
            <a routerLink="/goals" class="text-xs font-medium text-accent hover:underline">{{ i18n.t('goals.dashboard.manage') }}</a>
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
        <a routerLink="/goals" class="font-medium text-accent hover:underline" data-testid="goal-define">{{ i18n.t('goals.dashboard.define') }}</a>
      </p>
    }
  `,
})
export class GoalCards {
  protected readonly i18n = inject(I18n);
  readonly goals = input.required<readonly GoalProgressView[]>();
  readonly canManage = input(false);
}
