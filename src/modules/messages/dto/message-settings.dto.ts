import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { CONTACT_ROLES, SUPPLIER_KIND_ROLES } from '../../../domain/messages/audiences';

export class MessageSettingsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string', enum: [...CONTACT_ROLES] } },
    example: { 'rfq.invitation': ['technical'] },
    description: `per supplier-facing message kind, the contact roles it still goes to: a non-empty subset of the kind's own (${Object.entries(SUPPLIER_KIND_ROLES)
      .map(([kind, roles]) => `${kind}: ${roles.join(', ')}`)
      .join('; ')}); a kind left out goes to all its roles. Replaces the case's narrowing whole.`,
  })
  @IsObject({ message: 'contactRoles must be an object of message kind → roles' })
  contactRoles: Record<string, unknown>;
}
