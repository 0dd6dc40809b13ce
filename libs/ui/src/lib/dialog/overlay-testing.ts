import { InteractivityChecker } from '@angular/cdk/a11y';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';

/** jsdom lays nothing out, so cdk would find no element visible (hence none tabbable): treat every one as a browser would here. */
const layoutFree: Partial<InteractivityChecker> = {
  isDisabled: (element) => element.hasAttribute('disabled'),
  isVisible: () => true,
  isFocusable: () => true,
  isTabbable: (element) => element.matches('a[href], button:not([disabled]), input, select, textarea'),
};

/** For overlay specs: renders `host` inside the document (focus needs it) with cdk's focus checks made layout-free. */
export async function renderOverlayHost<T>(host: Type<T>) {
  TestBed.configureTestingModule({ providers: [{ provide: InteractivityChecker, useValue: layoutFree }] });
  const fixture = TestBed.createComponent(host);
  document.body.appendChild(fixture.nativeElement);
  await fixture.whenStable();
  return { fixture, root: fixture.nativeElement as HTMLElement, host: fixture.componentInstance };
}
