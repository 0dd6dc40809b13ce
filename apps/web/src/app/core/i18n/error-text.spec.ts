import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode } from '@fasto/contracts';
import { ERROR_TEXT, errorText, errorTexts } from './error-text';

const failure = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });

describe('error texts', () => {
  it('tell every API error code in both languages', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_TEXT[code]['pt-BR']).toMatch(/\S/);
      expect(ERROR_TEXT[code].en).toMatch(/\S/);
    }
  });

  it('translate the code, never the API text', () => {
    const used = failure(400, { statusCode: 400, code: 'INVALID_INVITATION', error: 'This invitation is invalid', message: 'This invitation is invalid' });
    expect(errorText('pt-BR', used)).toBe('Este convite não vale mais. Peça um novo ao administrador.');
    expect(errorText('en', used)).toMatch(/no longer valid/);
  });

  it('fall back to the status, then to a network message', () => {
    expect(errorText('pt-BR', failure(409, 'not json'))).toBe(ERROR_TEXT.CONFLICT['pt-BR']);
    expect(errorText('pt-BR', failure(400, { code: 'SOMETHING_NEW' }))).toBe(ERROR_TEXT.BAD_REQUEST['pt-BR']);
    expect(errorText('pt-BR', failure(0, null))).toMatch(/Sem conexão/);
  });

  it('name the invalid fields with the form labels', () => {
    const invalid = failure(400, {
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'email', messages: ['email must be an email'] },
        { field: 'stages.0.color', messages: ['x'] },
      ],
    });
    expect(errorTexts('pt-BR', invalid, { email: 'E-mail', stages: 'Etapas' })).toEqual(['Campo inválido: E-mail', 'Campo inválido: Etapas']);
  });
});
