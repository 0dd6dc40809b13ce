import type { SupportedLocale } from '@fasto/contracts';
import { escapeHtml } from '../../core/mail/escape-html';
import type { OutgoingMail } from '../../core/mail/mailer.service';

function layout(title: string, paragraphs: string[], action: { label: string; url: string }): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;background:#0a0a0a;color:#f4f4f5;padding:24px">
<h1 style="color:#e6b94a;font-size:20px">${escapeHtml(title)}</h1>
${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
<p><a href="${escapeHtml(action.url)}" style="background:#e6b94a;color:#0a0a0a;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="color:#a1a1aa;font-size:12px">${escapeHtml(action.url)}</p>
</body></html>`;
}

export function passwordResetEmail(to: string, name: string, url: string): OutgoingMail {
  const lines = [
    `Olá, ${name}.`,
    'Recebemos um pedido para redefinir a sua senha do Fasto. O link vale por 1 hora e só pode ser usado uma vez.',
    'Se não foi você, ignore este e-mail.',
  ];
  return {
    to,
    subject: 'Fasto: redefinição de senha',
    text: `${lines.join('\n\n')}\n\nRedefinir senha: ${url}\n`,
    html: layout('Redefinição de senha', lines, { label: 'Redefinir senha', url }),
  };
}

/** Who is invited where: the organization (the tenant) and, when they have one, their team. */
export interface InvitationFacts {
  name: string;
  organization: string;
  team: string | null;
  locale: SupportedLocale;
}

const INVITATION_WORDS: Record<SupportedLocale, (facts: InvitationFacts) => { subject: string; title: string; lines: string[]; action: string }> = {
  'pt-BR': ({ name, organization, team }) => ({
    subject: `Fasto: convite para ${organization}`,
    title: 'Você foi convidado(a)',
    lines: [
      `Olá, ${name}.`,
      team
        ? `Você foi convidado(a) para a empresa ${organization} no Fasto, na equipe ${team}.`
        : `Você foi convidado(a) para a empresa ${organization} no Fasto.`,
      'Defina a sua senha para entrar; o convite vale por 7 dias.',
    ],
    action: 'Aceitar convite',
  }),
  en: ({ name, organization, team }) => ({
    subject: `Fasto: invitation to ${organization}`,
    title: 'You are invited',
    lines: [
      `Hello, ${name}.`,
      team ? `You are invited to join ${organization} on Fasto, in the ${team} team.` : `You are invited to join ${organization} on Fasto.`,
      'Set your password to sign in; the invitation is valid for 7 days.',
    ],
    action: 'Accept invitation',
  }),
};

export function invitationEmail(to: string, facts: InvitationFacts, url: string): OutgoingMail {
  const words = INVITATION_WORDS[facts.locale](facts);
  return {
    to,
    subject: words.subject,
    text: `${words.lines.join('\n\n')}\n\n${words.action}: ${url}\n`,
    html: layout(words.title, words.lines, { label: words.action, url }),
  };
}
