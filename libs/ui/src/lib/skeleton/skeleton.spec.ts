import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Skeleton, type SkeletonShape } from './skeleton';

@Component({
  imports: [Skeleton],
  template: `<ui-skeleton class="grid" [shape]="shape()" [count]="count()" />`,
})
class Host {
  readonly shape = signal<SkeletonShape>('lines');
  readonly count = signal<number | null>(null);
}

async function render(shape: SkeletonShape, count: number | null = null) {
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.shape.set(shape);
  fixture.componentInstance.count.set(count);
  await fixture.whenStable();
  return fixture.nativeElement.querySelector('ui-skeleton') as HTMLElement;
}

/** Each bar's sizing classes, sorted (Angular may order merged classes differently). */
const bars = (skeleton: HTMLElement) =>
  [...skeleton.querySelectorAll('.skeleton')].map((bar) =>
    [...bar.classList]
      .filter((name) => name !== 'skeleton')
      .sort()
      .join(' '),
  );

describe('Skeleton', () => {
  it('tells screen readers the region is still loading', async () => {
    const skeleton = await render('items');
    expect(skeleton.getAttribute('aria-busy')).toBe('true');
    const status = skeleton.querySelector('[role=status]');
    expect(status?.textContent?.trim()).toBe('Carregando…');
    expect(status?.classList).toContain('sr-only');
  });

  it('draws two text lines by default, the second shorter, and repeats them up to the count', async () => {
    expect(bars(await render('lines'))).toEqual(['h-4', 'h-4 w-2/3']);
    expect(bars(await render('lines', 3))).toEqual(['h-4', 'h-4 w-2/3', 'h-4']);
  });

  it('draws a detail page as its heading, summary and body', async () => {
    expect(bars(await render('detail'))).toEqual(['h-8 max-w-full w-64', 'h-24', 'h-40']);
  });

  it('draws one card per tile and leaves the layout to the grid class the page gives it', async () => {
    const skeleton = await render('tiles', 3);
    expect(skeleton.querySelectorAll(':scope > .card')).toHaveLength(3);
    expect(skeleton.classList).toContain('grid');
    expect(skeleton.classList).not.toContain('block');
  });

  it('draws a table row per count with its three cells', async () => {
    const skeleton = await render('table', 4);
    expect(skeleton.querySelectorAll('.flex')).toHaveLength(4);
    expect(skeleton.querySelectorAll('.skeleton')).toHaveLength(12);
  });
});
