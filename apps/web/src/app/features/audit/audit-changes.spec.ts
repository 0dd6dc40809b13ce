import { changeLines } from './audit-changes';

describe('audit changes', () => {
  it('shows diffs as old → new and plain values as they are', () => {
    expect(
      changeLines({
        role: { from: 'agent', to: 'manager' },
        phone: { from: null, to: '+55 11 90000-0000' },
        password: '***',
        members: ['a', 'b'],
      }),
    ).toEqual([
      { field: 'role', from: 'agent', to: 'manager' },
      { field: 'phone', from: '—', to: '+55 11 90000-0000' },
      { field: 'password', to: '***' },
      { field: 'members', to: '["a","b"]' },
    ]);
    expect(changeLines(null)).toEqual([]);
  });
});
