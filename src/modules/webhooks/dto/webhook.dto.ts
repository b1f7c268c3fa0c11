import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../../common/validators';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../domain/webhooks/events';
import { SECRET_PATTERN } from '../../../domain/webhooks/signature';

/** http or https, a host, no user or password in it (README "Webhooks": the SSRF stance). */
export const WEBHOOK_URL = /^https?:\/\/[^\s/?#@]+(\/[^\s#]*)?$/i;

export class CreateWebhookDto {
  @ApiProperty({ description: 'where the events are POSTed: an http:// or https:// URL without credentials', maxLength: 2048, pattern: WEBHOOK_URL.source })
  @IsString() @MaxLength(2048) @Matches(WEBHOOK_URL, { message: 'url must be an http:// or https:// URL with a host and no user or password' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, minItems: 1, description: 'the events this endpoint receives' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_EVENTS.length) @ArrayUnique() @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];

  @ApiPropertyOptional({ description: 'the signing secret, `whsec_` + base64 of 24–64 random bytes; absent → generated, and shown only in this answer', pattern: SECRET_PATTERN.source })
  @Optional() @IsString() @Matches(SECRET_PATTERN, { message: 'secret must be whsec_ followed by the base64 of 24 to 64 bytes' })
  secret?: string;
}
