import {
  Body,
  Controller,
  Delete,
  Get,
  Inject,
  NotFoundException,
  Param,
  Patch,
} from '@nestjs/common';
import type { LambdaSinkOptions } from '../../config/lambda-sink-options';
import { LAMBDA_SINK_OPTIONS } from '../../lambda-sink.constants';
import { ConnectorOperations } from '../connector-operations';
import * as m from '../operations.messages';
import { ChangesState } from './access/rest-access.guard';
import { answeringRefusals } from './operation-refusal';

/**
 * KIP-875's offsets endpoints for a sink: the consumer group's committed offsets, which a
 * stopped sink resumes from. Changes are accepted only while the connector is STOPPED, as in
 * Connect, because Kafka refuses to move the offsets of a group that has members.
 */
@Controller('connectors')
export class ConnectorOffsetsController {
  constructor(
    private readonly operations: ConnectorOperations,
    @Inject(LAMBDA_SINK_OPTIONS) private readonly options: LambdaSinkOptions,
  ) {}

  @Get(':name/offsets')
  offsets(@Param('name') name: string) {
    this.check(name);
    return this.operations.offsets();
  }

  /** Sets offsets (skip past a record, replay from one); `"offset": null` resets a partition. */
  @Patch(':name/offsets')
  @ChangesState()
  async alter(@Param('name') name: string, @Body() body: unknown) {
    this.check(name);
    await answeringRefusals(this.operations.alterOffsets(body));
    return { message: m.offsetsAltered() };
  }

  /** Removes every committed offset: the next start reads from `auto.offset.reset`. */
  @Delete(':name/offsets')
  @ChangesState()
  async reset(@Param('name') name: string) {
    this.check(name);
    await answeringRefusals(this.operations.resetOffsets(name));
    return { message: m.offsetsReset() };
  }

  private check(name: string): void {
    if (name !== this.options.name) throw new NotFoundException(m.connectorNotFound(name));
  }
}
