import { MAX_BATCH_SIZE } from '@fasto/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject } from 'class-validator';
import { ShallowBody } from '../../../core/validation/shallow-body';
import { IngestAttendanceDto } from './ingest-attendance.dto';

/** Items are validated one by one by the service, so one bad item never sinks the others. */
@ShallowBody()
export class BatchIngestDto {
  @ApiProperty({
    type: () => [IngestAttendanceDto],
    minItems: 1,
    maxItems: MAX_BATCH_SIZE,
    description: 'Each item has the shape of POST /integration/attendances',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_SIZE, { message: `items holds at most ${MAX_BATCH_SIZE} attendances per batch` })
  @IsObject({ each: true, message: 'each item must be an object' })
  items!: Record<string, unknown>[];
}
