import { Body, Controller, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { User } from '../users/user.entity';
import { DecisionService } from './decision.service';
import { ProposeDecisionDto } from './dto/decision.dto';
import { PutScoresDto } from './dto/scores.dto';
import { MatrixService, type MatrixView } from './matrix.service';
import { ScoresService } from './scores.service';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { DecisionMatrix, Proposal, Robustness, ScoreBoard, Sensitivity } from './evaluation.schemas';

@ApiTags('evaluation')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases')
export class EvaluationController {
  constructor(
    private readonly scores: ScoresService,
    private readonly matrix: MatrixService,
    private readonly decisions: DecisionService,
  ) {}

  @Endpoint('putScores', 'The caller’s own evaluator scores (0–10) for criteria sourced from evaluators', { response: ScoreBoard })
  @Put(':id/scores')
  @CaseActionOf('scores.write')
  putScores(@Access() access: CaseAccess, @Body() dto: PutScoresDto, @CurrentUser() user: User) {
    return this.scores.put(access, dto, user);
  }

  @Endpoint('listScores', 'Scores per criterion and supplier: mean, count, spread, consensus flag', { response: ScoreBoard })
  @Get(':id/scores')
  @CaseActionOf('scores.read')
  listScores(@Access() access: CaseAccess, @CurrentUser() user: User) {
    return this.scores.list(access, user);
  }

  @Endpoint('getMatrix', 'The weighted decision matrix; CSV with Accept: text/csv', {
    response: DecisionMatrix,
    problems: [422],
    content: { 'text/csv': { schema: { type: 'string', description: 'RFC 4180 CSV, one row per ranked supplier × criterion, then the excluded' } } },
    headers: { ETag: { description: 'the version of this representation of the matrix (from its decision snapshot and the names it shows), for If-None-Match', schema: { type: 'string' } } },
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'an ETag read before: 304 with no body while the matrix still is what it described', schema: { type: 'string' } })
  @ApiResponse({ status: 304, description: 'not modified: the matrix is still the one the If-None-Match ETag describes' })
  @Get(':id/matrix')
  @CaseActionOf('matrix.read')
  // the answer is a MatrixView (or its CSV), written here as the bytes `matrixBody` made of it; the type names it for the contract
  async getMatrix(@Access() access: CaseAccess, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MatrixView> {
    const csv = req.accepts(['application/json', 'text/csv']) === 'text/csv';
    const { etag, body } = await this.matrix.matrix(access.caseId, req.headers['if-none-match'], csv ? 'csv' : 'json');
    res.setHeader('ETag', etag);
    res.setHeader('Vary', 'Accept');
    if (body === null) {
      res.status(304).end();
      return undefined as never;
    }
    if (csv) res.setHeader('Content-Disposition', `attachment; filename="matrix-${access.caseId}.csv"`);
    // the bytes as the framework would write the view (JSON.stringify) or its CSV, with the same headers
    res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    res.send(body);
    return undefined as never;
  }

  @Endpoint('getSensitivity', 'Sensitivity of the decision to weight changes, and the price cut that would make the runner-up win', { response: Sensitivity, problems: [422] })
  @Get(':id/sensitivity')
  @CaseActionOf('matrix.read')
  getSensitivity(@Access() access: CaseAccess) {
    return this.matrix.sensitivity(access.caseId);
  }

  @Endpoint('getRobustness', 'Rank acceptability (SMAA-2): per ranked supplier the share of weight and score draws at each rank, its central weights and confidence factor', { response: Robustness, problems: [422] })
  @Get(':id/robustness')
  @CaseActionOf('matrix.read')
  getRobustness(@Access() access: CaseAccess) {
    return this.matrix.robustness(access.caseId);
  }

  @Endpoint('proposeDecision', 'Propose the chosen supplier; anyone but the top-ranked is an override needing 200+ characters of justification', { status: 201, response: Proposal, problems: [422], idempotent: true })
  @Post(':id/decision')
  @HttpCode(201)
  @CaseActionOf('decision.propose')
  propose(@Access() access: CaseAccess, @Body() dto: ProposeDecisionDto, @CurrentUser() user: User) {
    return this.decisions.propose(access, dto, user);
  }

  @Endpoint('getDecision', 'The current proposal and whether it is stale', { response: Proposal })
  @Get(':id/decision')
  @CaseActionOf('decision.read')
  getDecision(@Access() access: CaseAccess) {
    return this.decisions.get(access.caseId);
  }
}
