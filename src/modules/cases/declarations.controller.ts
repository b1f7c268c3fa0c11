import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { User } from '../users/user.entity';
import { Declaration, DeclarationList } from './cases.schemas';
import { DeclarationsService } from './declarations.service';
import { DeclarationDto } from './dto/declaration.dto';

@ApiTags('cases')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases/:id/declarations')
export class DeclarationsController {
  constructor(private readonly declarations: DeclarationsService) {}

  @Endpoint('declareConflicts', 'Declare your conflicts of interest on the case (evaluators, deciders, approvers: before they score, propose or sign)', {
    status: 201,
    response: Declaration,
    problems: [422],
    idempotent: true,
    description: '`{conflict: false}`, or `{conflict: true, supplierId, text}`. Declarations add up and are never edited; a conflict with a shortlisted supplier bars its declarer from scoring, proposing and signing on the case (CONFLICT_OF_INTEREST).',
  })
  @Post()
  @CaseActionOf('declarations.write')
  declare(@Access() access: CaseAccess, @Body() dto: DeclarationDto, @CurrentUser() user: User) {
    return this.declarations.declare(access, dto, user);
  }

  @Endpoint('listDeclarations', 'The conflict-of-interest declarations made on the case, oldest first', { response: DeclarationList })
  @Get()
  @CaseActionOf('declarations.read')
  list(@Access() access: CaseAccess) {
    return this.declarations.list(access.caseId);
  }
}
