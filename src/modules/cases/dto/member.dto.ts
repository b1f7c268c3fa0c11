import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { CASE_ROLES, type CaseRole } from '../../../domain/lifecycle/stages';
import { Optional } from '../../../common/validators';

const roleList = () => [IsArray(), ArrayMinSize(1), ArrayMaxSize(CASE_ROLES.length), ArrayUnique(), IsIn(CASE_ROLES, { each: true })];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

export class MemberRolesDto {
  @ApiProperty() @IsUUID()
  userId: string;

  @ApiProperty({ enum: CASE_ROLES, isArray: true })
  @apply(roleList())
  roles: CaseRole[];
}

/**
 * `POST /cases/:id/members`: one member (`userId` and `roles`) or several (`members`); the roles
 * are added to those the member already holds.
 */
export class AddMembersDto {
  @ApiPropertyOptional({ description: 'one member: with `roles`; or give `members`' })
  @ValidateIf((o: AddMembersDto) => o.members === undefined)
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: CASE_ROLES, isArray: true })
  @ValidateIf((o: AddMembersDto) => o.members === undefined)
  @apply(roleList())
  roles?: CaseRole[];

  @ApiPropertyOptional({ type: [MemberRolesDto], description: 'several members at once, all or nothing; instead of `userId` and `roles`' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MemberRolesDto)
  @ValidateBy({
    name: 'membersAlone',
    validator: {
      validate: (_: unknown, args) => {
        const o = args?.object as AddMembersDto | undefined;
        return o?.userId === undefined && o?.roles === undefined;
      },
      defaultMessage: () => 'members is given instead of userId and roles, not with them',
    },
  })
  members?: MemberRolesDto[];
}

/** `PUT /cases/:id/members/:userId`: the member's roles become exactly these. */
export class ReplaceRolesDto {
  @ApiProperty({ enum: CASE_ROLES, isArray: true })
  @apply(roleList())
  roles: CaseRole[];
}
