import { BadRequestException } from '@nestjs/common';
import { IsEmail, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe } from './validation.pipe';

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
});
