import { addDays, dayInZone, daysInclusive, eachDay, isValidDay, splitIntoPeriods, startOfDayUtc } from './tenant-days';

describe('tenant days', () => {
  it('puts an instant on the tenant’s local calendar day', () => {
    // 02:30 UTC is still the previous evening in São Paulo (UTC−3).
    expect(dayInZone(new Date('2026-03-10T02:30:00Z'), 'America/Sao_Paulo')).toBe('2026-03-09');
    expect(dayInZone(new Date('2026-03-10T03:00:00Z'), 'America/Sao_Paulo')).toBe('2026-03-10');
    expect(dayInZone(new Date('2026-03-10T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-03-11');
  });

  it('gives the formatter’s own day for every instant, whatever the order, across odd offsets and daylight-saving changes', () => {
    const plain = (instant: Date, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
    // Midnight skipped (São Paulo 2018), half-hour DST (Lord Howe), +05:45, a 23- and a 25-hour day,
    // and a seconds offset from before standard time (São Paulo 1900: UTC−03:06:28).
    const around = [
      '2018-11-04T03:00:00Z',
      '2026-04-05T15:00:00Z',
      '2026-03-10T18:15:00Z',
      '2026-03-08T05:00:00Z',
      '2026-11-01T05:00:00Z',
      '1900-01-01T03:06:28Z',
    ];
    const zones = ['America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/New_York', 'UTC'];
    const instants = around.flatMap((iso) => Array.from({ length: 193 }, (_, step) => new Date(Date.parse(iso) + (step - 96) * 15 * 60_000 + step)));
    const shuffled = instants.map((instant, index) => instants[(index * 7919) % instants.length]);
    for (const timeZone of zones) {
      // Each day's last millisecond and the next day's first, right after an instant of the day.
      const edges = around.flatMap((iso) => {
        const next = startOfDayUtc(addDays(plain(new Date(iso), timeZone), 1), timeZone).getTime();
        return [new Date(iso), new Date(next - 1), new Date(iso), new Date(next)];
      });
      for (const instant of [...instants, ...shuffled, ...edges])
        expect([instant.toISOString(), dayInZone(instant, timeZone)]).toEqual([instant.toISOString(), plain(instant, timeZone)]);
    }
  });

  it('finds where a local day starts in UTC, across daylight-saving changes', () => {
    expect(startOfDayUtc('2026-03-10', 'America/Sao_Paulo').toISOString()).toBe('2026-03-10T03:00:00.000Z');
    expect(startOfDayUtc('2026-03-29', 'Europe/Lisbon').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDayUtc('2026-03-30', 'Europe/Lisbon').toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('does day arithmetic on calendar days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysInclusive('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysInclusive('2026-01-01', '2026-03-31')).toBe(90);
    expect(eachDay('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(isValidDay('2026-02-30')).toBe(false);
    expect(isValidDay('2026-2-3')).toBe(false);
    expect(isValidDay('2026-02-28')).toBe(true);
  });

  it('splits a range into whole months and edge days', () => {
    expect(splitIntoPeriods('2026-08-25', '2026-11-22')).toEqual({
      months: { from: '2026-09', to: '2026-10' },
      days: [
        { from: '2026-08-25', to: '2026-08-31' },
        { from: '2026-11-01', to: '2026-11-22' },
      ],
    });
    expect(splitIntoPeriods('2026-02-01', '2026-02-28')).toEqual({ months: { from: '2026-02', to: '2026-02' }, days: [] });
    expect(splitIntoPeriods('2026-03-10', '2026-03-11')).toEqual({ months: null, days: [{ from: '2026-03-10', to: '2026-03-11' }] });
    expect(splitIntoPeriods('2026-03-02', '2026-04-30')).toEqual({
      months: { from: '2026-04', to: '2026-04' },
      days: [{ from: '2026-03-02', to: '2026-03-31' }],
    });
    expect(splitIntoPeriods('2026-01-15', '2026-02-14')).toEqual({ months: null, days: [{ from: '2026-01-15', to: '2026-02-14' }] });
  });
});
