import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { noBodyPipe, uuidPipe } from '../../common/validation';
import { User } from '../users/user.entity';
import { PutExchangeRatesDto } from './dto/exchange-rate.dto';
import { RecordOfferDto } from './dto/offer.dto';
import { EliminationDto, OpenRoundDto } from './dto/round.dto';
import { ExchangeRatesService } from './exchange-rates.service';
import { OffersService } from './offers.service';
import { RoundNumber } from './round-number.pipe';
import { RoundsService } from './rounds.service';

@ApiTags('negotiation')
@ApiBearerAuth()
@Controller('cases/:id')
export class NegotiationController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly offers: OffersService,
    private readonly rates: ExchangeRatesService,
  ) {}

  @Post('rounds')
  @CaseActionOf('rounds.manage')
  @ApiOperation({ summary: 'Open the next round with the still-active shortlisted suppliers' })
  open(@Access() access: CaseAccess, @Body() dto: OpenRoundDto, @CurrentUser() user: User) {
    return this.rounds.open(access, dto, user);
  }

  @Get('rounds')
  @CaseActionOf('rounds.read')
  list(@Access() access: CaseAccess) {
    return this.rounds.list(access.caseId);
  }

  @Get('rounds/:n')
  @CaseActionOf('rounds.read')
  get(@Access() access: CaseAccess, @RoundNumber() n: number) {
    return this.rounds.get(access.caseId, n);
  }

  @Post('rounds/:n/close')
  @HttpCode(200)
  @CaseActionOf('rounds.manage')
  @ApiOperation({ summary: 'Close the round (refused while an offer has a currency with no rate); returns the comparison' })
  close(@Access() access: CaseAccess, @RoundNumber() n: number, @Body(noBodyPipe) _body: object, @CurrentUser() user: User) {
    return this.rounds.close(access, n, user);
  }

  @Get('rounds/:n/comparison')
  @CaseActionOf('rounds.read')
  comparison(@Access() access: CaseAccess, @RoundNumber() n: number) {
    return this.rounds.comparisonOf(access.caseId, n);
  }

  @Post('rounds/:n/eliminations')
  @HttpCode(200)
  @CaseActionOf('rounds.manage')
  @ApiOperation({ summary: 'After close: leave a supplier out of the next round, with a reason' })
  eliminate(
    @Access() access: CaseAccess,
    @RoundNumber() n: number,
    @Body() dto: EliminationDto,
    @CurrentUser() user: User,
  ) {
    return this.rounds.eliminate(access, n, dto, user);
  }

  @Post('rounds/:n/invitations')
  @CaseActionOf('invitations.issue')
  @ApiOperation({ summary: 'One invitation token per participant; each token is shown only in this response' })
  invite(@Access() access: CaseAccess, @RoundNumber() n: number, @Body(noBodyPipe) _body: object, @CurrentUser() user: User) {
    return this.rounds.issueInvitations(access, n, user);
  }

  @Post('rounds/:n/offers')
  @CaseActionOf('offers.record')
  @ApiOperation({ summary: 'Record (or revise) an offer on a supplier’s behalf' })
  record(
    @Access() access: CaseAccess,
    @RoundNumber() n: number,
    @Body() dto: RecordOfferDto,
    @CurrentUser() user: User,
  ) {
    return this.offers.record(access, n, dto, user);
  }

  @Get('rounds/:n/offers')
  @CaseActionOf('rounds.read')
  @ApiOperation({ summary: 'Receipts only while the round is open (sealed); offers, converted totals and concessions after close' })
  offersOf(@Access() access: CaseAccess, @RoundNumber() n: number, @Query() page: PageQuery) {
    return this.offers.list(access.caseId, n, page);
  }

  @Get('rounds/:n/offers/:supplierId/revisions')
  @CaseActionOf('rounds.read')
  revisions(
    @Access() access: CaseAccess,
    @RoundNumber() n: number,
    @Param('supplierId', uuidPipe('supplierId')) supplierId: string,
  ) {
    return this.offers.revisions(access.caseId, n, supplierId);
  }

  @Post('rounds/:n/offers/:supplierId/reconfirm')
  @HttpCode(200)
  @CaseActionOf('offers.record')
  @ApiOperation({ summary: 'Re-confirm unchanged an offer marked as needing re-confirmation after a specification change' })
  reconfirm(
    @Access() access: CaseAccess,
    @RoundNumber() n: number,
    @Param('supplierId', uuidPipe('supplierId')) supplierId: string,
    @Body(noBodyPipe) _body: object,
    @CurrentUser() user: User,
  ) {
    return this.offers.reconfirm(access, n, supplierId, user);
  }

  @Put('exchange-rates')
  @CaseActionOf('rates.write')
  @ApiOperation({ summary: 'Set rates: units of the base currency per unit of each currency' })
  putRates(@Access() access: CaseAccess, @Body() dto: PutExchangeRatesDto, @CurrentUser() user: User) {
    return this.rates.put(access, dto, user);
  }

  @Get('exchange-rates')
  @CaseActionOf('rates.read')
  listRates(@Access() access: CaseAccess) {
    return this.rates.list(access.caseId);
  }
}
