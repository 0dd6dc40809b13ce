import { Location } from '@angular/common';
import { SpyLocation, provideLocationMocks } from '@angular/common/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type ParamMap } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { urlFilters } from './url-filters';

const parse = (params: ParamMap) => ({ q: params.get('q') ?? '', page: params.get('page') });

@Component({ template: '' })
class Listed {
  readonly filters = urlFilters(parse);
}

@Component({ template: '' })
class Replaced {
  readonly filters = urlFilters(parse, { replaceUrl: true });
}

async function open(url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        { path: 'listed', component: Listed },
        { path: 'replaced', component: Replaced },
      ]),
      provideLocationMocks(),
    ],
  });
  const harness = await RouterTestingHarness.create();
  const page = await harness.navigateByUrl(url);
  const location = TestBed.inject(Location) as SpyLocation;
  location.urlChanges.length = 0;
  return { harness, filters: (page as Listed | Replaced).filters, location };
}

describe('urlFilters', () => {
  it('merges a patch into the query string, an empty value removing its key, and adds a history entry', async () => {
    const { harness, filters, location } = await open('/listed?q=ana&page=2');
    expect(filters.value()).toEqual({ q: 'ana', page: '2' });

    filters.set({ q: 'bia', page: '' });
    await harness.fixture.whenStable();
    expect(location.path()).toBe('/listed?q=bia');
    expect(filters.value()).toEqual({ q: 'bia', page: null });
    expect(location.urlChanges).toEqual(['/listed?q=bia']);
  });

  it('with replaceUrl, replaces the history entry instead', async () => {
    const { harness, filters, location } = await open('/replaced?q=ana');

    filters.set({ q: 'bia' });
    await harness.fixture.whenStable();
    expect(location.path()).toBe('/replaced?q=bia');
    expect(location.urlChanges).toEqual(['replace: /replaced?q=bia']);
  });
});
