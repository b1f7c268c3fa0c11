import { Body, Controller, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { User } from '../users/user.entity';
import { DecisionService } from './decision.service';
import { ProposeDecisionDto } from './dto/decision.dto';
import { PutScoresDto } from './dto/scores.dto';
import { matrixCsv } from './matrix.csv';
import { MatrixService } from './matrix.service';
import { ScoresService } from './scores.service';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('cases')
export class EvaluationController {
  constructor(
    private readonly scores: ScoresService,
    private readonly matrix: MatrixService,
    private readonly decisions: DecisionService,
  ) {}

  @Put(':id/scores')
  @ApiOperation({ summary: "The caller's own evaluator scores (0–10) for criteria sourced from evaluators" })
  @CaseActionOf('scores.write')
  putScores(@Access() access: CaseAccess, @Body() dto: PutScoresDto, @CurrentUser() user: User) {
    return this.scores.put(access, dto, user);
  }

  @Get(':id/scores')
  @ApiOperation({ summary: 'Scores per criterion and supplier: mean, count, spread, consensus flag (independent scoring for evaluators)' })
  @CaseActionOf('scores.read')
  listScores(@Access() access: CaseAccess, @CurrentUser() user: User) {
    return this.scores.list(access, user);
  }

  @Get(':id/matrix')
  @ApiOperation({ summary: 'The weighted decision matrix; CSV with Accept: text/csv' })
  @ApiProduces('application/json', 'text/csv')
  @CaseActionOf('matrix.read')
  async getMatrix(@Access() access: CaseAccess, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const view = await this.matrix.matrix(access.caseId);
    if (req.accepts(['application/json', 'text/csv']) !== 'text/csv') return view;
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="matrix-${access.caseId}.csv"`);
    return matrixCsv(view);
  }

  @Get(':id/sensitivity')
  @ApiOperation({ summary: 'Sensitivity of the decision to weight changes, and the price cut that would make the runner-up win' })
  @CaseActionOf('matrix.read')
  getSensitivity(@Access() access: CaseAccess) {
    return this.matrix.sensitivity(access.caseId);
  }

  @Get(':id/robustness')
  @ApiOperation({
    summary: 'Rank acceptability (SMAA-2): per ranked supplier the share of weight and score draws at each rank, its central weights and confidence factor',
  })
  @CaseActionOf('matrix.read')
  getRobustness(@Access() access: CaseAccess) {
    return this.matrix.robustness(access.caseId);
  }

  @Post(':id/decision')
  @HttpCode(201)
  @ApiOperation({ summary: 'Propose the chosen supplier; anyone but the top-ranked is an override needing 200+ characters of justification' })
  @CaseActionOf('decision.propose')
  propose(@Access() access: CaseAccess, @Body() dto: ProposeDecisionDto, @CurrentUser() user: User) {
    return this.decisions.propose(access, dto, user);
  }

  @Get(':id/decision')
  @ApiOperation({ summary: 'The current proposal and whether it is stale' })
  @CaseActionOf('decision.read')
  getDecision(@Access() access: CaseAccess) {
    return this.decisions.get(access.caseId);
  }
}
