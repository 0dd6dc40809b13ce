import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PreferencesStore } from '../preferences/preferences.store';
import { FormatPipe } from './format.pipe';

@Component({
  selector: 'app-formatted',
  imports: [FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ at | format: 'dateTime' }}|{{ null | format: 'dateTime' }}|{{ '2026-03-07' | format: 'day' }}|{{ 12345 | format: 'integer' }}|{{
      1234.5 | format: 'brl'
    }}|{{ null | format: 'brl' }}|{{ 0.256 | format: 'rate' }}|{{ 125 | format: 'minutes' }}|{{ 'bg-green-500' | format: 'paletteHex' }}`,
})
class Formatted {
  readonly at = new Date(2026, 2, 7, 21, 5);
}

const shown = (fixture: { nativeElement: HTMLElement }) => fixture.nativeElement.textContent?.replace(/\s/g, ' ');

describe('format pipe', () => {
  it('writes values the Brazilian way, and keeps them so when the UI language changes (the formats never read it)', () => {
    const fixture = TestBed.createComponent(Formatted);
    fixture.detectChanges();
    const brazilian = '07/03/26 21:05|—|07/03/26|12.345|R$ 1.234,50|—|25,6%|2 h 05 min|#00c950';
    expect(shown(fixture)).toBe(brazilian);

    TestBed.inject(PreferencesStore).language.set('en');
    fixture.detectChanges();
    expect(shown(fixture)).toBe(brazilian);
  });
});
