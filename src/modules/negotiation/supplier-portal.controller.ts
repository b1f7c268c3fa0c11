import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { bearerToken, Public } from '../../common/auth';
import { noBodyPipe } from '../../common/validation';
import { OfferBodyDto } from './dto/offer.dto';
import { OffersService } from './offers.service';

/**
 * The supplier's side: no user account, only the invitation token as bearer. The user-token
 * guard lets these routes through; the service checks the invitation token itself.
 */
@ApiTags('supplier-portal')
@ApiBearerAuth()
@Public()
@Controller('supplier-portal')
export class SupplierPortalController {
  constructor(private readonly offers: OffersService) {}

  @Get('invitation')
  @ApiOperation({ summary: 'The round, requirements and criteria the invited supplier answers, and its own current offer' })
  invitation(@Req() req: Request) {
    return this.offers.invitation(bearerToken(req));
  }

  @Post('offers')
  @ApiOperation({ summary: 'Submit or revise the invited supplier’s offer (Authorization: Bearer <invitation token>)' })
  submit(@Req() req: Request, @Body() dto: OfferBodyDto) {
    return this.offers.submitWithToken(bearerToken(req), dto);
  }

  @Post('offers/reconfirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-confirm the current offer unchanged after a specification change' })
  reconfirm(@Req() req: Request, @Body(noBodyPipe) _body: object) {
    return this.offers.reconfirmWithToken(bearerToken(req));
  }
}
