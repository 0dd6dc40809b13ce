import { BadRequestException } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsEmail, IsObject, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { registerFastCheck } from '../validation/fast-check';
import { ShallowBody } from '../validation/shallow-body';
import { createValidationPipe } from './validation.pipe';

class NoteDto {
  @IsString()
  text!: string;
}

// Accepts only { text: 'fast' }; says no to everything else (and throws on { text: 'boom' }).
const fastNotes: object[] = [];
registerFastCheck(NoteDto, (raw) => {
  if (raw['text'] === 'boom') throw new URIError('boom');
  if (raw['text'] !== 'fast' || Object.keys(raw).length !== 1) return null;
  const note = Object.assign(new NoteDto(), raw);
  fastNotes.push(note);
  return note;
});

class AddressDto {
  @IsString()
  city!: string;
}

class ProfileDto {
  @IsEmail()
  email!: string;

  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

// async: a synchronous refusal (the null body) reads as a rejection, as it does inside Nest's pipeline.
@ShallowBody()
class BatchDto {
  @IsArray()
  @ArrayMaxSize(2)
  @IsObject({ each: true })
  items!: Record<string, unknown>[];
}

const validate = async (value: unknown) => createValidationPipe().transform(value, { type: 'body', metatype: ProfileDto });

async function rejection(value: unknown): Promise<{ message: string; details: { field: string; messages: string[] }[] }> {
  const error = await validate(value).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BadRequestException);
  return (error as BadRequestException).getResponse() as never;
}

describe('validation pipe', () => {
  it('accepts a valid body and returns a DTO instance', async () => {
    const dto = await validate({ email: 'a@b.co', address: { city: 'Recife' } });
    expect(dto).toBeInstanceOf(ProfileDto);
  });

  it('refuses fields the DTO does not declare (no mass assignment)', async () => {
    const { details } = await rejection({ email: 'a@b.co', address: { city: 'Recife' }, tenantId: 't-2', role: 'super_admin' });
    expect(details.map((detail) => detail.field).sort()).toEqual(['role', 'tenantId']);
  });

  it('lists every failing field, nested ones with their path', async () => {
    const { message, details } = await rejection({ email: 'nope', address: { city: 42 } });
    expect(message).toMatch(/^Validation failed: /);
    expect(details).toEqual([
      { field: 'email', messages: ['email must be an email'] },
      { field: 'address.city', messages: ['city must be a string'] },
    ]);
  });

  it('refuses a JSON null body instead of treating it as {}', async () => {
    expect((await rejection(null)).message).toBe('Validation failed: the body must be a JSON object');
  });

  it('refuses text with a lone surrogate instead of crashing in the email check', async () => {
    expect((await rejection({ email: '\ud800@b.co', address: { city: 'Recife' } })).message).toBe('Validation failed: text must be valid Unicode');
  });

  it('hands values of custom decorators (the verified principal) over as they are, unvalidated', () => {
    const principal = { email: 'not validated', role: 'admin' };
    expect(createValidationPipe().transform(principal, { type: 'custom', metatype: ProfileDto })).toBe(principal);
  });

  it('copies only the top level of a @ShallowBody() DTO, and still applies its rules and the whitelist', async () => {
    const item = { anything: { nested: true } };
    const batch = (await createValidationPipe().transform({ items: [item] }, { type: 'body', metatype: BatchDto })) as BatchDto;
    expect(batch).toBeInstanceOf(BatchDto);
    expect(batch.items[0]).toBe(item); // handed over, not walked and copied by class-transformer
    const refuse = async (value: unknown) =>
      Promise.resolve(createValidationPipe().transform(value, { type: 'body', metatype: BatchDto })).then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(await refuse({ items: [item], tenantId: 't-2' })).toBeInstanceOf(BadRequestException);
    expect(await refuse({ items: [item, item, item] })).toBeInstanceOf(BadRequestException);
    expect(await refuse({ items: [1] })).toBeInstanceOf(BadRequestException);
  });

  it("answers a registered fast check's yes as is, and leaves every other body to class-validator", async () => {
    const pipe = createValidationPipe();
    const note = async (value: unknown) => pipe.transform(value, { type: 'body', metatype: NoteDto });
    const fast = await note({ text: 'fast' });
    expect(fast).toBe(fastNotes.at(-1));
    // Refused by the check: class-validator decides (valid here, but not the check's instance).
    const slow = await note({ text: 'slow' });
    expect(slow).toEqual({ text: 'slow' });
    expect(fastNotes).not.toContain(slow);
    // A check that throws is no verdict either; nor is its no a pass.
    expect(await note({ text: 'boom' })).toEqual({ text: 'boom' });
    await expect(Promise.resolve(note({ text: 7 }))).rejects.toBeInstanceOf(BadRequestException);
    await expect(Promise.resolve(note({ text: 'fast', extra: 1 }))).rejects.toBeInstanceOf(BadRequestException);
  });
});
