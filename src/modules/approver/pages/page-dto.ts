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
