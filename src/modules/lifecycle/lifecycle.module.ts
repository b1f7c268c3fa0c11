import { Global, Module } from '@nestjs/common';
import { LifecycleHooks } from './lifecycle-hooks';

/**
 * The case lifecycle's plug-in points (LifecycleHooks, global): the cases module runs the state
 * machine and calls them; every other module contributes its facts and its stage hooks.
 */
@Global()
@Module({ providers: [LifecycleHooks], exports: [LifecycleHooks] })
export class LifecycleModule {}
