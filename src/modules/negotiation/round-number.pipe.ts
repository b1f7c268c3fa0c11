import { type PipeTransform } from '@nestjs/common';
import { invalid } from '../../domain/errors';

/** `:n` in a round path: a whole number from 1. */
export class RoundNumberPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,5}$/.test(value)) throw invalid('n', 'n must be a round number (1, 2, …)');
    return Number(value);
  }
}
