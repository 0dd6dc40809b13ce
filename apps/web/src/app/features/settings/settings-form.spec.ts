import { accentShades } from '../../core/branding/branding.store';
import { settingsErrors, settingsRequest, type SettingsDraft } from './settings-form';

const draft: SettingsDraft = {
  name: 'Demo',
  timezone: 'America/Sao_Paulo',
  logoUrl: '',
  primaryColor: '#3B82F6',
  lowScoreThreshold: '50',
  firstResponseSlaMinutes: '60',
};
const zones = ['America/Sao_Paulo', 'UTC'];

describe('tenant settings form', () => {
  it('accepts a valid draft and sends clean values', () => {
    expect(settingsErrors(draft, zones)).toEqual([]);
    expect(settingsRequest(draft)).toEqual({
      name: 'Demo',
      timezone: 'America/Sao_Paulo',
      branding: { logoUrl: null, primaryColor: '#3b82f6' },
      settings: { lowScoreThreshold: 50, firstResponseSlaMinutes: 60 },
    });
  });

  it('names every rule the API would refuse', () => {
    const bad = {
      name: '',
      timezone: 'Mars/Base',
      logoUrl: 'http://x.example/l.png',
      primaryColor: 'blue',
      lowScoreThreshold: '101',
      firstResponseSlaMinutes: '0',
    };
    expect(settingsErrors(bad, zones)).toEqual([
      { field: 'name', key: 'settings.err.name' },
      { field: 'timezone', key: 'settings.err.timezone' },
      { field: 'branding.logoUrl', key: 'settings.err.logo' },
      { field: 'branding.primaryColor', key: 'settings.err.color' },
      { field: 'settings.lowScoreThreshold', key: 'settings.err.score' },
      { field: 'settings.firstResponseSlaMinutes', key: 'settings.err.sla' },
    ]);
    expect(settingsErrors({ ...draft, lowScoreThreshold: '4.5' }, zones)).toEqual([{ field: 'settings.lowScoreThreshold', key: 'settings.err.score' }]);
    expect(settingsErrors(draft, zones, ['firstResponseSlaMinutes'])).toEqual([{ field: 'settings.firstResponseSlaMinutes', key: 'settings.err.sla' }]);
  });

  it('derives the accent shades from a hex primary color only', () => {
    expect(accentShades('#3b82f6')?.['--color-gold-400']).toBe('#3b82f6');
    expect(accentShades('red')).toBeNull();
  });
});
