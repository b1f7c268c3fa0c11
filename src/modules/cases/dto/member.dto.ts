import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { CASE_ROLES, type CaseRole } from '../../../domain/lifecycle/stages';

export class AddMemberDto {
  @ApiProperty() @IsUUID()
  userId: string;

  @ApiProperty({ enum: CASE_ROLES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @ArrayUnique() @IsIn(CASE_ROLES, { each: true })
  roles: CaseRole[];
}
