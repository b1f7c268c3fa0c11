import { Global, Module } from '@nestjs/common';
import { PolicyController } from './policy.controller';
import { PolicyService } from './policy.service';

@Global()
@Module({ controllers: [PolicyController], providers: [PolicyService], exports: [PolicyService] })
export class PolicyModule {}
