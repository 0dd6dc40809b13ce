import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { I18n } from '../core/i18n/i18n.service';
import { failedRules, formCheck } from './form-problems';

describe('failedRules and formCheck', () => {
  it('keeps the failing rules in order, each on its input', () => {
    expect(failedRules(['name', 'members.err.name', true], ['phone', 'members.err.phone', false], ['avatarUrl', 'members.err.avatar', true])).toEqual([
      { field: 'name', key: 'members.err.name' },
      { field: 'avatarUrl', key: 'members.err.avatar' },
    ]);
  });

  it('translates each failure into a problem on the same field once the form is sent', () => {
    const name = signal('');
    const check = TestBed.runInInjectionContext(() => formCheck(TestBed.inject(I18n), () => failedRules(['fullName', 'members.err.name', !name()])));
    expect(check.submit()).toBe(false);
    expect(check.problems()).toEqual([{ field: 'fullName', message: expect.stringMatching(/\w/) }]);
    name.set('Ana');
    expect(check.submit()).toBe(true);
  });
});
