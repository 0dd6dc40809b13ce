import { CdkDrag, CdkDragHandle, CdkDropList, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, signal } from '@angular/core';
import { form, FormField } from '@angular/forms/signals';
import { CatalogApi, TeamsApi, type CatalogEntryFields, type CatalogKind } from '@fasto/api-client';
import { PALETTE_HUES, type FunnelView, type OriginGroupView, type TeamView } from '@fasto/contracts';
import { EMPTY, forkJoin, map, tap, type Observable, type Subscription } from 'rxjs';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { PendingAction } from '../../shared/pending-action';
import { DeleteButton, type DeleteWords } from '../../shared/delete-button';
import { Icon } from '../../shared/icon';
import { whenChanged } from '../../shared/when-changed';
import { ConfirmButton, EmptyState, PageHeader, Skeleton } from '@fasto/ui';
import { movedIds, nextColor, renamed } from './catalog-rules';
import { ColorPicker } from './color-picker';
import { SwatchToggle } from './swatch-toggle';

interface Entry {
  id: string;
  name: string;
  color: string;
  position: number;
  isWon?: boolean;
}

interface Group {
  id: string;
  name: string;
  entries: Entry[];
  teams: { id: string; name: string }[];
}

const toGroup = (view: FunnelView | OriginGroupView): Group => ({
  id: view.id,
  name: view.name,
  entries: 'stages' in view ? view.stages : view.items,
  teams: view.teams,
});

/** Funnels (stages) and origin groups (items): admins only, one screen shape for both. */
@Component({
  selector: 'app-catalog-page',
  imports: [
    FormField,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    Icon,
    ColorPicker,
    SwatchToggle,
    DeleteButton,
    ConfirmButton,
    PageHeader,
    Skeleton,
    EmptyState,
    FormatPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalog.page.html',
})
export class CatalogPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(CatalogApi);
  private readonly teamsApi = inject(TeamsApi);
  readonly kind = input.required<CatalogKind>();

  protected readonly groups = signal<Group[] | null>(null);
  protected readonly teams = signal<TeamView[]>([]);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => this.groups()?.find((group) => group.id === this.selectedId()) ?? this.groups()?.[0] ?? null);
  protected readonly unassignedTeams = computed(() => {
    const group = this.selected();
    return group ? this.teams().filter((team) => !group.teams.some((assigned) => assigned.id === team.id)) : [];
  });
  private readonly action = new PendingAction(this.i18n);
  protected readonly error = this.action.error;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The last keyboard move, said by screen readers (aria-live). */
  protected readonly moved = signal('');
  protected readonly busy = this.action.busy;
  protected readonly loadFailed = signal(false);
  /** Which entry's color picker is open ('new' for the add form). */
  protected readonly picking = signal<string | null>(null);
  protected readonly deleteEntryWords: DeleteWords = { label: 'catalog.deleteEntry', question: 'catalog.deleteEntryConfirm', action: 'catalog.delete' };
  protected readonly newGroupName = signal('');
  protected readonly newEntryName = signal('');
  protected readonly newGroupField = form(this.newGroupName);
  protected readonly newEntryField = form(this.newEntryName);
  protected readonly newEntryColor = signal('bg-amber-500');
  /** The selected group's entries with the one being added last, as its color picker previews them. */
  protected readonly withNewEntry = computed(() => [...(this.selected()?.entries ?? []), { name: this.newEntryName(), color: this.newEntryColor() }]);

  protected readonly isFunnels = computed(() => this.kind() === 'funnels');
  protected readonly text = (key: 'title' | 'newGroup' | 'groupName' | 'entries' | 'newEntry' | 'empty' | 'noEntries') =>
    this.i18n.t(`catalog.${this.kind()}.${key}` as const);

  constructor() {
    whenChanged(this.kind, () => this.load());
  }

  protected load(): Subscription {
    this.loadFailed.set(false);
    const groups: Observable<Group[]> =
      this.kind() === 'funnels'
        ? this.api.funnels({ limit: 200 }).pipe(map((page) => page.items.map(toGroup)))
        : this.api.originGroups({ limit: 200 }).pipe(map((page) => page.items.map(toGroup)));
    return forkJoin([groups, this.teamsApi.list({ limit: 200 })]).subscribe({
      next: ([list, teams]) => {
        this.groups.set(list);
        this.teams.set(teams.items);
        this.newEntryColor.set(nextColor(this.selected()?.entries.map((entry) => entry.color) ?? [], PALETTE_HUES));
      },
      error: () => this.loadFailed.set(true),
    });
  }

  protected select(group: Group): void {
    this.selectedId.set(group.id);
    this.picking.set(null);
    this.newEntryColor.set(
      nextColor(
        group.entries.map((entry) => entry.color),
        PALETTE_HUES,
      ),
    );
  }

  protected createGroup(event: Event): void {
    event.preventDefault();
    const name = this.newGroupName().trim();
    if (!name) return;
    this.action.run(this.api.createGroup<FunnelView | OriginGroupView>(this.kind(), name), (view) => {
      this.groups.update((groups) => [...(groups ?? []), toGroup(view)]);
      this.selectedId.set(view.id);
      this.newGroupName.set('');
      this.newEntryColor.set(nextColor([], PALETTE_HUES));
    });
  }

  protected renameGroup(group: Group, typed: string): void {
    const name = renamed(group.name, typed);
    if (name) this.action.run(this.api.renameGroup<FunnelView | OriginGroupView>(this.kind(), group.id, name), (view) => this.replace(view));
  }

  protected addEntry(event: Event, group: Group): void {
    event.preventDefault();
    const name = this.newEntryName().trim();
    if (!name) return;
    this.action.run(this.api.addEntry<FunnelView | OriginGroupView>(this.kind(), group.id, { name, color: this.newEntryColor() }), (view) => {
      this.replace(view);
      this.newEntryName.set('');
      this.picking.set(null);
      this.newEntryColor.set(
        nextColor(
          toGroup(view).entries.map((entry) => entry.color),
          PALETTE_HUES,
        ),
      );
    });
  }

  protected renameEntry(group: Group, entry: Entry, typed: string): void {
    const name = renamed(entry.name, typed);
    if (name) this.update(group, entry, { name });
  }

  protected recolor(group: Group, entry: Entry, color: string): void {
    if (color !== entry.color) this.update(group, entry, { color });
  }

  /** One won stage per funnel: setting it here moves the flag (the API clears the old one). */
  protected toggleWon(group: Group, entry: Entry): void {
    this.update(group, entry, { isWon: !entry.isWon });
  }

  protected dropped(group: Group, event: CdkDragDrop<Entry[]>): void {
    this.reorder(group, event.previousIndex, event.currentIndex);
  }

  /**
   * The keyboard's way to reorder (drag and drop needs a pointer): arrow up/down on the handle moves the
   * entry one place, keeps the focus on it and says where it went.
   */
  protected moveBy(group: Group, index: number, delta: -1 | 1, event: Event): void {
    event.preventDefault();
    const to = index + delta;
    if (to < 0 || to >= group.entries.length) return;
    const entry = group.entries[index];
    this.reorder(group, index, to);
    this.moved.set(this.i18n.t('catalog.movedTo', { name: entry.name, position: to + 1, total: group.entries.length }));
    // The row's element moved in the list, which drops its focus: give it back once it is drawn.
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-entry-id="${entry.id}"] [data-testid="drag-handle"]`)?.focus());
  }

  private reorder(group: Group, from: number, to: number): void {
    const ids = movedIds(group.entries, from, to);
    if (from === to) return;
    const before = group.entries;
    // Show the new order at once; the API's answer (or the old order on failure) settles it.
    this.patchGroup(group.id, { entries: ids.flatMap((id) => before.filter((entry) => entry.id === id)) });
    this.action.run(
      this.api.reorder<FunnelView | OriginGroupView>(this.kind(), group.id, ids),
      (view) => this.replace(view),
      () => this.patchGroup(group.id, { entries: before }),
    );
  }

  protected assignTeam(group: Group, teamId: string): void {
    if (!teamId) return;
    const field = this.isFunnels() ? 'funnelId' : 'originGroupId';
    this.action.run(this.teamsApi.update(teamId, { [field]: group.id }), () => this.load());
  }

  protected unassignTeam(teamId: string): void {
    const field = this.isFunnels() ? 'funnelId' : 'originGroupId';
    this.action.run(this.teamsApi.update(teamId, { [field]: null }), () => this.load());
  }

  /** Deletes the group on screen (the one whose delete button was pressed). */
  protected deleteGroup(): Observable<unknown> {
    const group = this.selected();
    if (!group) return EMPTY;
    return this.api.deleteGroup(this.kind(), group.id).pipe(
      tap(() => {
        this.groups.update((groups) => (groups ?? []).filter((other) => other.id !== group.id));
        this.selectedId.set(null);
      }),
    );
  }

  /** Deletes an entry of the group on screen. */
  protected deleteEntry(entry: Entry): Observable<unknown> {
    const group = this.selected();
    if (!group) return EMPTY;
    return this.api.deleteEntry<FunnelView | OriginGroupView>(this.kind(), group.id, entry.id).pipe(tap((view) => this.replace(view)));
  }

  /** A group still assigned to teams is not deleted (the API refuses): the question names those teams instead. */
  protected groupDeleteMessage(group: Group): string {
    return this.i18n.t(group.teams.length ? 'catalog.deleteGroupInUse' : 'catalog.deleteGroupConfirm', {
      name: group.name,
      teams: group.teams.map((team) => team.name).join(', '),
    });
  }

  private update(group: Group, entry: Entry, fields: CatalogEntryFields): void {
    this.action.run(this.api.updateEntry<FunnelView | OriginGroupView>(this.kind(), group.id, entry.id, fields), (view) => this.replace(view));
  }

  private replace(view: FunnelView | OriginGroupView): void {
    const group = toGroup(view);
    this.groups.update((groups) => (groups ?? []).map((old) => (old.id === group.id ? group : old)));
  }

  private patchGroup(id: string, patch: Partial<Group>): void {
    this.groups.update((groups) => (groups ?? []).map((group) => (group.id === id ? { ...group, ...patch } : group)));
  }
}
