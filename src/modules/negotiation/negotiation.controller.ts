import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { ExchangeRateList, InvitationList, OfferPage, OfferReceipt, OfferRevisionList, Round, RoundComparison, RoundList } from './negotiation.schemas';

@ApiTags('negotiation')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases/:id')
export class NegotiationController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly offers: OffersService,
    private readonly rates: ExchangeRatesService,
  ) {}

  @Endpoint('openRound', 'Open the next round with the still-active shortlisted suppliers', { status: 201, response: Round, idempotent: true })
  @Post('rounds')
  @CaseActionOf('rounds.manage')
  open(@Access() access: CaseAccess, @Body() dto: OpenRoundDto, @CurrentUser() user: User) {
    return this.rounds.open(access, dto, user);
  }

  @Endpoint('listRounds', 'Every round with its participants', { response: RoundList })
  @Get('rounds')
  @CaseActionOf('rounds.read')
  list(@Access() access: CaseAccess) {
    return this.rounds.list(access.caseId);
  }

  @Endpoint('getRound', 'One round with its participants', { response: Round })
  @Get('rounds/:n')
  @CaseActionOf('rounds.read')
  get(@Access() access: CaseAccess, @RoundNumber() n: number) {
    return this.rounds.get(access.caseId, n);
  }

  @Endpoint('closeRound', 'Close the round (refused while an offer has a currency with no rate); answers the comparison', { response: Round })
  @Post('rounds/:n/close')
  @HttpCode(200)
  @CaseActionOf('rounds.manage')
  close(@Access() access: CaseAccess, @RoundNumber() n: number, @Body(noBodyPipe) _body: object, @CurrentUser() user: User) {
    return this.rounds.close(access, n, user);
  }

  @Endpoint('getRoundComparison', 'After close: the current offers sorted by converted total', { response: RoundComparison })
  @Get('rounds/:n/comparison')
  @CaseActionOf('rounds.read')
  comparison(@Access() access: CaseAccess, @RoundNumber() n: number) {
    return this.rounds.comparisonOf(access.caseId, n);
  }

  @Endpoint('eliminateSupplier', 'After close: leave a supplier out of the next round, with a reason', { response: Round })
  @Post('rounds/:n/eliminations')
  @HttpCode(200)
  @CaseActionOf('rounds.manage')
  eliminate(
    @Access() access: CaseAccess,
    @RoundNumber() n: number,
    @Body() dto: EliminationDto,
    @CurrentUser() user: User,
  ) {
    return this.rounds.eliminate(access, n, dto, user);
  }

  @Endpoint('issueInvitations', 'One invitation token per participant, shown only in this answer', { status: 201, response: InvitationList, description: 'Not idempotent by key: the answer carries secrets the service keeps only hashed; issuing again replaces the earlier tokens.' })
  @Post('rounds/:n/invitations')
  @CaseActionOf('invitations.issue')
  invite(@Access() access: CaseAccess, @RoundNumber() n: number, @Body(noBodyPipe) _body: object, @CurrentUser() user: User) {
    return this.rounds.issueInvitations(access, n, user);
  }

  @Endpoint('recordOffer', 'Record (or revise) an offer on a supplier’s behalf', { status: 201, response: OfferReceipt, problems: [422], idempotent: true })
  @Post('rounds/:n/offers')
  @CaseActionOf('offers.record')
  record(
    @Access() access: CaseAccess,
    @RoundNumber() n: number,
    @Body() dto: RecordOfferDto,
    @CurrentUser() user: User,
  ) {
    return this.offers.record(access, n, dto, user);
  }

  @Endpoint('listOffers', 'Receipts only while the round is open (sealed); offers, converted totals and concessions after close', { response: OfferPage })
  @Get('rounds/:n/offers')
  @CaseActionOf('rounds.read')
  offersOf(@Access() access: CaseAccess, @RoundNumber() n: number, @Query() page: PageQuery) {
    return this.offers.list(access.caseId, n, page);
  }

  @Endpoint('listOfferRevisions', 'Every revision of a supplier’s offer in the round (receipts only while sealed)', { response: OfferRevisionList })
  @Get('rounds/:n/offers/:supplierId/revisions')
  @CaseActionOf('rounds.read')
  revisions(
    @Access() access: CaseAccess,
    @RoundNumber() n: number,
    @Param('supplierId', uuidPipe('supplierId')) supplierId: string,
  ) {
    return this.offers.revisions(access.caseId, n, supplierId);
  }

  @Endpoint('reconfirmOffer', 'Re-confirm unchanged an offer marked as needing re-confirmation after a specification change', { response: OfferReceipt, problems: [422] })
  @Post('rounds/:n/offers/:supplierId/reconfirm')
  @HttpCode(200)
  @CaseActionOf('offers.record')
  reconfirm(
    @Access() access: CaseAccess,
    @RoundNumber() n: number,
    @Param('supplierId', uuidPipe('supplierId')) supplierId: string,
    @Body(noBodyPipe) _body: object,
    @CurrentUser() user: User,
  ) {
    return this.offers.reconfirm(access, n, supplierId, user);
  }

  @Endpoint('putExchangeRates', 'Set rates: units of the base currency per unit of each currency', { response: ExchangeRateList })
  @Put('exchange-rates')
  @CaseActionOf('rates.write')
  putRates(@Access() access: CaseAccess, @Body() dto: PutExchangeRatesDto, @CurrentUser() user: User) {
    return this.rates.put(access, dto, user);
  }

  @Endpoint('listExchangeRates', 'The case exchange rates', { response: ExchangeRateList })
  @Get('exchange-rates')
  @CaseActionOf('rates.read')
  listRates(@Access() access: CaseAccess) {
    return this.rates.list(access.caseId);
  }
}
