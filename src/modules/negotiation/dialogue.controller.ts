import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { uuidPipe } from '../../common/validation';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { User } from '../users/user.entity';
import { DialogueService } from './dialogue.service';
import { AnswerQuestionDto } from './dto/dialogue.dto';
import { AnsweredQuestion, IntentList, QuestionPage } from './dialogue.schemas';
import { RoundNumber } from './round-number.pipe';

/** The buying center's side of the suppliers' questions and intents. */
@ApiTags('negotiation')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases/:id')
export class DialogueController {
  constructor(private readonly dialogue: DialogueService) {}

  @Endpoint('listQuestions', 'The suppliers’ clarification questions, with who asked and the answers', { response: QuestionPage })
  @Get('questions')
  @CaseActionOf('questions.read')
  questions(@Access() access: CaseAccess, @Query() page: PageQuery) {
    return this.dialogue.listQuestions(access.caseId, page);
  }

  @Endpoint('answerQuestion', 'Answer a question once: the answer goes to every invitee of its round, the asker unnamed (held for the gatekeeper)', {
    response: AnsweredQuestion,
    problems: [409],
  })
  @Post('questions/:questionId/answer')
  @HttpCode(200)
  @CaseActionOf('questions.answer')
  answer(@Access() access: CaseAccess, @Param('questionId', uuidPipe('questionId')) questionId: string, @Body() dto: AnswerQuestionDto, @CurrentUser() user: User) {
    return this.dialogue.answer(access, questionId, dto, user);
  }

  @Endpoint('listIntents', 'Each supplier still in the round with its declared intent to bid or decline', { response: IntentList })
  @Get('rounds/:n/intents')
  @CaseActionOf('rounds.read')
  intents(@Access() access: CaseAccess, @RoundNumber() n: number) {
    return this.dialogue.intents(access.caseId, n);
  }
}
