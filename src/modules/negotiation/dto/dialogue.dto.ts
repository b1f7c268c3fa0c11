import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../../common/validators';
import { Trim } from '../../suppliers/dto/validators';
import { type Intent, INTENTS } from '../dialogue.entities';

export class AskQuestionDto {
  @ApiProperty({ example: 'Is a 400 V three-phase connection available at the site?', maxLength: 4000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text: string;
}

export class AnswerQuestionDto {
  @ApiProperty({ example: 'Yes: 400 V, 63 A, within 10 m of the foundation.', maxLength: 8000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  text: string;

  @ApiPropertyOptional({ maxLength: 4000, description: 'the question as all invitees will read it (default: as asked); rephrase it when its wording would reveal the asker' })
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  question?: string;
}

export class DeclareIntentDto {
  @ApiProperty({ enum: INTENTS })
  @IsIn(INTENTS, { message: `intent must be one of ${INTENTS.join(', ')}` })
  intent: Intent;

  @ApiPropertyOptional({ maxLength: 2000, description: 'why (for a decline, what would have made a bid possible)' })
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}
