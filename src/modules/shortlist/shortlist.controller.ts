import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { uuidPipe } from '../../common/validation';
import { User } from '../users/user.entity';
import { AddToShortlistDto, JustificationDto, ShortlistApprovalDto, UpdateShortlistEntryDto } from './dto/shortlist.dto';
import { ShortlistService } from './shortlist.service';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { Shortlist, ShortlistEntry, ShortlistSuggestionPage } from './shortlist.schemas';

@ApiTags('shortlist')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases/:id/shortlist')
export class ShortlistController {
  constructor(private readonly shortlist: ShortlistService) {}

  @Endpoint('listShortlistSuggestions', 'Candidates from the registry ranked by reliability, with failed certification requirements', { response: ShortlistSuggestionPage })
  @Get('suggestions')
  @CaseActionOf('shortlist.read')
  suggestions(@Access() access: CaseAccess, @Query() page: PageQuery) {
    return this.shortlist.suggestions(access, page);
  }

  @Endpoint('getShortlist', 'The shortlist: entries, justification, approval', { response: Shortlist })
  @Get()
  @CaseActionOf('shortlist.read')
  list(@Access() access: CaseAccess) {
    return this.shortlist.list(access.caseId);
  }

  @Endpoint('addToShortlist', 'Add a supplier to the shortlist', { status: 201, response: ShortlistEntry, problems: [422], idempotent: true })
  @Post()
  @CaseActionOf('shortlist.write')
  add(@Access() access: CaseAccess, @Body() dto: AddToShortlistDto, @CurrentUser() user: User) {
    return this.shortlist.add(access, dto, user);
  }

  @Endpoint('setShortlistJustification', 'Write the sole-source justification', { response: Shortlist })
  @Post('justification')
  @HttpCode(200)
  @CaseActionOf('shortlist.write')
  justify(@Access() access: CaseAccess, @Body() dto: JustificationDto, @CurrentUser() user: User) {
    return this.shortlist.justify(access, dto, user);
  }

  @Endpoint('approveShortlist', 'Approve the shortlist as it stands (gatekeeper)', { response: Shortlist, problems: [422] })
  @Post('approval')
  @HttpCode(200)
  @CaseActionOf('shortlist.approve')
  approve(@Access() access: CaseAccess, @Body() dto: ShortlistApprovalDto, @CurrentUser() user: User) {
    return this.shortlist.approve(access, dto, user);
  }

  @Endpoint('updateShortlistEntry', 'Exclude or reinstate a shortlisted supplier, with a reason', { response: ShortlistEntry, problems: [422] })
  @Patch(':supplierId')
  @CaseActionOf('shortlist.write')
  setStatus(
    @Access() access: CaseAccess,
    @Param('supplierId', uuidPipe('supplierId')) supplierId: string,
    @Body() dto: UpdateShortlistEntryDto,
    @CurrentUser() user: User,
  ) {
    return this.shortlist.setStatus(access, supplierId, dto, user);
  }
}
