import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { bearerToken, InvitationToken, Public } from '../../common/auth';
import { noBodyPipe } from '../../common/validation';
import { OfferBodyDto } from './dto/offer.dto';
import { OffersService } from './offers.service';
import { PageQuery } from '../../common/paging';
import { IntentReceipt, QuestionReceipt, SupplierMessagePage } from './dialogue.schemas';
import { DialogueService } from './dialogue.service';
import { AskQuestionDto, DeclareIntentDto } from './dto/dialogue.dto';
import { Endpoint } from '../../openapi/decorators';
import { INVITATION_TOKEN } from '../../openapi/document';
import { Invitation, OfferReceipt } from './negotiation.schemas';

/**
 * The supplier's side: no user account, only the invitation token as bearer. The guard reads no
 * body before the token is a live invitation's; the service opens the supplier's round with it.
 */
@ApiTags('supplier-portal')
@ApiBearerAuth(INVITATION_TOKEN)
@Public()
@InvitationToken()
@Controller('supplier-portal')
export class SupplierPortalController {
  constructor(
    private readonly offers: OffersService,
    private readonly dialogue: DialogueService,
  ) {}

  @Endpoint('getInvitation', 'The round, requirements and criteria the invited supplier answers, and its own current offer', { response: Invitation })
  @Get('invitation')
  invitation(@Req() req: Request) {
    return this.offers.invitation(bearerToken(req));
  }

  @Endpoint('submitOffer', 'Submit or revise the invited supplier’s offer', { status: 201, response: OfferReceipt, problems: [409, 422], idempotent: true })
  @Post('offers')
  submit(@Req() req: Request, @Body() dto: OfferBodyDto) {
    return this.offers.submitWithToken(bearerToken(req), dto);
  }

  @Endpoint('reconfirmOwnOffer', 'Re-confirm the current offer unchanged after a specification change', { response: OfferReceipt, problems: [409, 422] })
  @Post('offers/reconfirm')
  @HttpCode(200)
  reconfirm(@Req() req: Request, @Body(noBodyPipe) _body: object) {
    return this.offers.reconfirmWithToken(bearerToken(req));
  }

  @Endpoint('askQuestion', 'Ask the buyer a clarification question; the answer goes to every invitee, the asker unnamed', { status: 201, response: QuestionReceipt })
  @Post('questions')
  ask(@Req() req: Request, @Body() dto: AskQuestionDto) {
    return this.dialogue.ask(bearerToken(req), dto);
  }

  @Endpoint('declareIntent', 'Say whether the supplier intends to bid or declines (no more reminders after a decline); the latest word counts', { response: IntentReceipt })
  @Post('intent')
  @HttpCode(200)
  declare(@Req() req: Request, @Body() dto: DeclareIntentDto) {
    return this.dialogue.declare(bearerToken(req), dto);
  }

  @Endpoint('listOwnMessages', 'The messages the supplier’s contacts were sent on this case (released by the gatekeeper), newest last', { response: SupplierMessagePage })
  @Get('messages')
  messages(@Req() req: Request, @Query() page: PageQuery) {
    return this.dialogue.ownMessages(bearerToken(req), page);
  }
}
