import { TestBed } from '@angular/core/testing';
import type { GoalProgressView } from '@fasto/contracts';
import { GoalCard } from './goal-card';

const progress: GoalProgressView = {
  goal: {
    id: 'g',
    scope: 'team',
    teamId: 't',
    userId: null,
    metric: 'sale_value',
    period: 'month',
    target: 12345.67,
    activeFrom: '2026-12-01',
    createdBy: null,
    createdAt: '',
    updatedAt: '',
  },
  periodStart: '2026-12-01',
  periodEnd: '2026-12-31',
  elapsed: 0.4,
  actual: 3000,
  target: 12345.67,
  percent: 24.3,
  expected: 4938.27,
  projection: 7500,
  status: 'behind',
  reached: false,
};

describe('GoalCard', () => {
  it('shows actual vs target in money, the bar, the pace marker where the expected figure is, the status and the projection', () => {
    const fixture = TestBed.createComponent(GoalCard);
    fixture.componentRef.setInput('progress', progress);
    fixture.detectChanges();
    const root: HTMLElement = fixture.nativeElement;
    const text = root.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toMatch(/R\$\s3\.000,00\s*de R\$\s12\.345,67/);
    expect(root.querySelector('[data-testid=goal-percent]')?.textContent?.trim()).toBe('24,3%');
    expect(root.querySelector('[data-testid=goal-status]')?.textContent?.trim()).toBe('Atrasada');
    expect(root.querySelector('[data-testid=goal-projection]')?.textContent).toMatch(/R\$\s7\.500,00/);
    expect(root.querySelector('[role=meter]')?.getAttribute('aria-valuenow')).toBe('24.3');
    expect(root.querySelector<HTMLElement>('[data-testid=goal-pace]')?.style.left).toBe('40%');
  });

  it('keeps an overshoot inside the bar', () => {
    const fixture = TestBed.createComponent(GoalCard);
    fixture.componentRef.setInput('progress', { ...progress, actual: 20000, percent: 162, status: 'ahead' });
    fixture.detectChanges();
    const root: HTMLElement = fixture.nativeElement;
    expect(root.querySelector('[role=meter]')?.getAttribute('aria-valuenow')).toBe('100');
    expect(root.querySelector('[data-testid=goal-status]')?.textContent?.trim()).toBe('Adiantada');
  });
});
