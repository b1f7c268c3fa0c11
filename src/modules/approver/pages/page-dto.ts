import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

/** `?lang=` on every page: the switch between English and Spanish (kept in a cookie). */
export class PageQuery {
  @IsOptional() @IsIn(['en', 'es']) lang?: 'en' | 'es';
}

/** The decision page's form, as the browser posts it: every field a string, an empty select or textarea as ''. */
export class PageSignForm {
  @IsIn(['approve', 'reject']) verdict: 'approve' | 'reject';
  @IsOptional() @IsString() @MaxLength(4000) comment?: string;
  @IsOptional() @IsIn(['', 'DECISION', 'NEGOTIATION']) returnTo?: '' | 'DECISION' | 'NEGOTIATION';
  @IsString() @Length(64, 64) csrf: string;
  @IsOptional() @IsUUID() onBehalfOf?: string;
}

/** The declaration form before a first signature: `conflict` as the radio posts it, the rest '' when left empty. */
export class PageDeclarationForm {
  @IsIn(['no', 'yes']) conflict: 'no' | 'yes';
  @IsOptional() @IsString() @MaxLength(100) supplierId?: string;
  @IsOptional() @IsString() @MaxLength(2000) text?: string;
  @IsString() @Length(64, 64) csrf: string;
}
