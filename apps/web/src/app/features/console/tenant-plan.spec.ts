import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PreferencesStore } from '../../core/preferences/preferences.store';
import { PlanNamePipe } from './tenant-plan';

@Component({
  selector: 'app-plan-name',
  imports: [PlanNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ plan() | planName }}`,
})
class PlanName {
  readonly plan = signal('pro');
}

describe('planName pipe', () => {
  it('names a plan in the UI language and follows a language change with the same plan', () => {
    const language = TestBed.inject(PreferencesStore).language;
    language.set('pt-BR');
    const fixture = TestBed.createComponent(PlanName);
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toBe('Profissional');

    language.set('en');
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toBe('Professional');
  });

  it('shows a plan stored before the list existed as stored', () => {
    const fixture = TestBed.createComponent(PlanName);
    fixture.componentInstance.plan.set('legacy-gold');
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toBe('legacy-gold');
  });
});
