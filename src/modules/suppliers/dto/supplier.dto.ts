import { IsDecimalNumber, Optional } from '../../../common/validators';
import { CollectsProblems } from '../../../common/validation';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { PageQuery } from '../../../common/paging';
import { CONTACT_ROLES, type ContactRole, LANGUAGES, type Language } from '../../../domain/messages/audiences';
import { type SupplierStatus } from '../supplier.entity';
import { isTaxId } from '../tax-id';
import { IfPresent, IsIsoDate, NotBefore, Trim } from './validators';

export const SUPPLIER_STATUSES = ['active', 'blocked'] as const;

/** The lengths and counts the rules below allow; the CSV import's row rules (supplier-csv.ts) read the same. */
export const SUPPLIER_LIMITS = { legalName: 300, categories: 50, category: 100, contactName: 200, contactEmail: 320, certifications: 50, certificationName: 200 } as const;
export const CONTACT_PHONE = /^\+?[0-9 ()./-]{3,40}$/;

@ValidatorConstraint({ name: 'taxId' })
class TaxIdConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isTaxId(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be 2–40 letters or digits (spaces, dots and dashes are ignored)`;
  }
}

const upper = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
/** Categories are matched against a case's category case-insensitively: stored trimmed, lower case, once each. */
const categoryList = () =>
  Transform(({ value }) =>
    Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? [...new Set(value.map((v: string) => v.trim().toLowerCase()))]
      : value,
  );

export class ContactDto {
  @ApiProperty({ example: 'Jane Doe' }) @Trim() @IsString() @IsNotEmpty() @MaxLength(SUPPLIER_LIMITS.contactName)
  name: string;

  @ApiProperty({ example: 'jane.doe@acme.example' }) @Trim() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(SUPPLIER_LIMITS.contactEmail)
  email: string;

  @ApiPropertyOptional({ example: '+49 30 1234567' })
  @Optional()
  @Trim()
  @IsString()
  @Matches(CONTACT_PHONE, { message: 'phone must be digits, spaces and + ( ) . / - (3–40 characters)' })
  phone?: string;

  @ApiPropertyOptional({ enum: CONTACT_ROLES, isArray: true, example: ['sales', 'technical'], description: 'the messages the contact receives go by these (default: sales)' })
  @Optional()
  @IsArray()
  @ArrayNotEmpty({ message: 'roles must name at least one role' })
  @ArrayUnique({ message: 'roles must not name a role twice' })
  @IsIn(CONTACT_ROLES, { each: true, message: `roles must each be one of ${CONTACT_ROLES.join(', ')}` })
  roles?: ContactRole[];

  @ApiPropertyOptional({ enum: LANGUAGES, example: 'en', description: 'the language of the messages the contact receives (default: en)' })
  @Optional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class CertificationDto {
  @ApiProperty({ example: 'ISO 9001:2015' }) @Trim() @IsString() @IsNotEmpty() @MaxLength(SUPPLIER_LIMITS.certificationName)
  name: string;

  @ApiProperty({ example: '2024-01-15' }) @IsIsoDate()
  issuedOn: string;

  @ApiProperty({ example: '2027-01-14' }) @IsIsoDate() @NotBefore('issuedOn')
  expiresOn: string;
}

// one definition per field, used by create (required or defaulted) and update (optional, never null)
const Field = {
  legalName: (required: boolean) =>
    applyDecorators(ApiProperty({ required, example: 'ACME Kompressoren GmbH' }), Trim(), IsString(), IsNotEmpty(), MaxLength(SUPPLIER_LIMITS.legalName)),
  taxId: (required: boolean) =>
    applyDecorators(ApiProperty({ required, example: 'DE 123.456.789', description: 'unique per country once normalized' }), Trim(), IsString(), Validate(TaxIdConstraint)),
  country: (required: boolean) =>
    applyDecorators(
      ApiProperty({ required, example: 'DE', description: 'ISO 3166-1 alpha-2' }),
      upper(),
      IsString(),
      IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE' }),
    ),
  categories: () =>
    applyDecorators(
      ApiPropertyOptional({ type: [String], example: ['compressors'] }),
      categoryList(),
      IsArray(),
      ArrayMaxSize(SUPPLIER_LIMITS.categories),
      IsString({ each: true }),
      IsNotEmpty({ each: true }),
      MaxLength(SUPPLIER_LIMITS.category, { each: true }),
    ),
  contacts: () =>
    applyDecorators(ApiPropertyOptional({ type: [ContactDto] }), IsArray(), ArrayMaxSize(20), ValidateNested({ each: true }), Type(() => ContactDto)),
  certifications: () =>
    applyDecorators(
      ApiPropertyOptional({ type: [CertificationDto] }),
      IsArray(),
      ArrayMaxSize(SUPPLIER_LIMITS.certifications),
      ValidateNested({ each: true }),
      Type(() => CertificationDto),
    ),
  financialRisk: () =>
    applyDecorators(
      ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.2, description: '0 no risk … 1 highest; default 0' }),
      IsDecimalNumber(4),
      Min(0),
      Max(1),
    ),
  status: () => applyDecorators(ApiPropertyOptional({ enum: SUPPLIER_STATUSES }), IsIn(SUPPLIER_STATUSES)),
  blockedReason: () =>
    applyDecorators(ApiPropertyOptional({ description: 'required when status is blocked' }), Trim(), IsString(), IsNotEmpty(), MaxLength(2000)),
};

/** Its field problems are answered by SuppliersService with the blocking rule, in one 400. */
@CollectsProblems()
export class CreateSupplierDto {
  @Field.legalName(true) legalName: string;
  @Field.taxId(true) taxId: string;
  @Field.country(true) country: string;
  @Optional() @Field.categories() categories?: string[];
  @Optional() @Field.contacts() contacts?: ContactDto[];
  @Optional() @Field.certifications() certifications?: CertificationDto[];
  @Optional() @Field.financialRisk() financialRisk?: number;
  @Optional() @Field.status() status?: SupplierStatus;
  @Optional() @Field.blockedReason() blockedReason?: string;
}

/** Every field optional; a field sent replaces the stored one (lists are replaced whole). Its problems come with the blocking rule's, in one 400. */
@CollectsProblems()
export class UpdateSupplierDto {
  @IfPresent() @Field.legalName(false) legalName?: string;
  @IfPresent() @Field.taxId(false) taxId?: string;
  @IfPresent() @Field.country(false) country?: string;
  @IfPresent() @Field.categories() categories?: string[];
  @IfPresent() @Field.contacts() contacts?: ContactDto[];
  @IfPresent() @Field.certifications() certifications?: CertificationDto[];
  @IfPresent() @Field.financialRisk() financialRisk?: number;
  @IfPresent() @Field.status() status?: SupplierStatus;
  @IfPresent() @Field.blockedReason() blockedReason?: string;
}

export class ListSuppliersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the legal name or of the tax id' }) @IsOptional() @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ example: 'DE' }) @IsOptional() @upper() @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE' })
  country?: string;

  @ApiPropertyOptional({ description: 'has a certification of this name (case-insensitive)' }) @IsOptional() @IsString() @MaxLength(200)
  certification?: string;

  @ApiPropertyOptional({ description: 'with `certification`: valid on this date (issuedOn ≤ date ≤ expiresOn)' })
  @IsOptional()
  @IsIsoDate()
  validOn?: string;

  @ApiPropertyOptional({ enum: SUPPLIER_STATUSES }) @IsOptional() @IsIn(SUPPLIER_STATUSES)
  status?: SupplierStatus;
}
