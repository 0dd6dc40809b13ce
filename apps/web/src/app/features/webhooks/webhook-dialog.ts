import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { form, FormField, MAX_LENGTH, metadata } from '@angular/forms/signals';
import { WEBHOOK_EVENTS, type CreatedWebhookEndpoint, type WebhookEndpointView } from '@fasto/contracts';
import { WebhooksApi } from '@fasto/api-client';
import { CheckList, Checkbox, Dialog, Field, FieldControl, FormDialog, messagesFor } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { SecretReveal } from '../../shared/secret-reveal';
import { formCheck } from '../../shared/form-problems';
import { webhookDraftOf, webhookErrors } from './webhook-form';

/**
 * Creates an endpoint (then shows its signing secret, the only time it is ever shown, as the
 * console's new-key dialog does) or edits one: URL, events, active.
 */
@Component({
  selector: 'app-webhook-dialog',
  imports: [FormField, Dialog, FormDialog, SecretReveal, Field, FieldControl, Checkbox, CheckList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (created(); as done) {
      <ui-dialog [title]="title()" testId="webhook-dialog" (closed)="close()">
        <app-secret-reveal
          [secret]="done.secret"
          [warning]="i18n.t('webhooks.secretWarning')"
          [label]="i18n.t('webhooks.secret')"
          [labelVisible]="true"
          testId="webhook-secret"
        />
        <div class="mt-5 flex justify-end">
          <button type="button" class="btn-primary" (click)="close()" data-testid="webhook-secret-done">{{ i18n.t('webhooks.done') }}</button>
        </div>
      </ui-dialog>
    } @else {
      <ui-form-dialog [title]="title()" testId="webhook-dialog" [check]="check" [busy]="busy()" (submitted)="save()" (closed)="close()">
        <ui-field controlId="webhook-url" name="url" [label]="i18n.t('webhooks.url')">
          <input uiControl type="url" class="input" placeholder="https://n8n.example.com/webhook/fasto" [formField]="form.url" data-testid="webhook-url" />
        </ui-field>
        <fieldset [attr.aria-describedby]="eventsError() ? 'webhook-events-error' : null">
          <legend class="label">{{ i18n.t('webhooks.events') }}</legend>
          <ui-check-list [items]="eventItems()" [formField]="form.events" testIdPrefix="webhook-event-" />
          @if (eventsError(); as message) {
            <p id="webhook-events-error" class="mt-1 text-xs text-negative" data-testid="field-error">{{ message }}</p>
          }
        </fieldset>
        @if (endpoint()) {
          <ui-checkbox testId="webhook-active" [formField]="form.active">{{ i18n.t('webhooks.active') }}</ui-checkbox>
        }
      </ui-form-dialog>
    }
  `,
})
export class WebhookDialog {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(WebhooksApi);
  /** null creates a new endpoint. */
  readonly endpoint = input<WebhookEndpointView | null>(null);
  /** Fires after every change that the list must show (creation included, before the secret is dismissed). */
  readonly saved = output<void>();
  readonly closed = output<void>();

  protected readonly eventItems = computed(() => WEBHOOK_EVENTS.map((event) => ({ id: event, name: this.i18n.t(`webhook.event.${event}`), code: event })));
  /** The endpoint's values until the user changes them. */
  protected readonly draft = linkedSignal(() => webhookDraftOf(this.endpoint()));
  /** The browser still stops the address at the API's 2000 characters; the rules themselves are formCheck's. */
  protected readonly form = form(this.draft, (path) => metadata(path.url, MAX_LENGTH, () => 2000));
  protected readonly title = computed(() => this.i18n.t(this.endpoint() ? 'webhooks.edit' : 'webhooks.create'));
  protected readonly busy = signal(false);
  protected readonly created = signal<CreatedWebhookEndpoint | null>(null);
  protected readonly check = formCheck(this.i18n, () => webhookErrors(this.draft()));
  protected readonly eventsError = computed(() => messagesFor(this.check.problems(), 'events').join(' '));

  protected save(): void {
    const draft = this.draft();
    if (!this.check.submit()) return;
    const request = { url: draft.url.trim(), events: draft.events };
    const endpoint = this.endpoint();
    this.busy.set(true);
    const done = {
      error: (error: unknown) => {
        this.busy.set(false);
        this.check.server.set(this.i18n.problems(error));
      },
    };
    if (endpoint) {
      this.api.update(endpoint.id, { ...request, isActive: draft.active }).subscribe({
        ...done,
        next: () => {
          this.saved.emit();
          this.closed.emit();
        },
      });
    } else {
      this.api.create(request).subscribe({
        ...done,
        next: (created) => {
          this.busy.set(false);
          this.created.set(created);
          this.saved.emit();
        },
      });
    }
  }

  protected close(): void {
    this.created.set(null);
    this.closed.emit();
  }
}
