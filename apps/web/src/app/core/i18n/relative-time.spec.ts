import { relativeTime } from './relative-time';

describe('relativeTime', () => {
  it('tells relative times in both languages', () => {
    const now = new Date(2026, 2, 7, 12, 0);
    expect(relativeTime(new Date(2026, 2, 7, 11, 59, 30), now, 'pt-BR')).toBe('agora');
    expect(relativeTime(new Date(2026, 2, 7, 11, 55), now, 'pt-BR')).toBe('há 5 min');
    expect(relativeTime(new Date(2026, 2, 7, 9, 0), now, 'en')).toBe('3 h ago');
    expect(relativeTime(new Date(2026, 2, 6, 9, 0), now, 'pt-BR')).toBe('ontem');
    expect(relativeTime(new Date(2026, 1, 1, 9, 0), now, 'pt-BR')).toBe('01/02/26');
  });
});
