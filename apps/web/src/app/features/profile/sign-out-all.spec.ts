import { HttpErrorResponse } from '@angular/common/http';
import { lastValueFrom, of, throwError } from 'rxjs';
import { signOutAll } from './sign-out-all';

const failing = (status: number) => throwError(() => new HttpErrorResponse({ status }));

describe('signOutAll', () => {
  it('goes on past a device already signed out (404) and signs out the rest', async () => {
    const asked: string[] = [];
    await lastValueFrom(
      signOutAll(['a', 'b', 'c'], (id) => (asked.push(id), id === 'a' ? failing(404) : of(null))),
      { defaultValue: null },
    );
    expect(asked).toEqual(['a', 'b', 'c']);
  });

  it('stops on any other failure and reports it', async () => {
    const asked: string[] = [];
    const all = signOutAll(['a', 'b'], (id) => (asked.push(id), id === 'a' ? failing(500) : of(null)));
    await expect(lastValueFrom(all, { defaultValue: null })).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(asked).toEqual(['a']);
  });
});
