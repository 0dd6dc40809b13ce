import { Role, type AttendanceDetail, type AttendanceListItem, type Page } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { fileContent } from '../../core/http/openapi-answers';
import { requestContext } from '../../core/http/request-context';
import { AttendancesService } from './attendances.service';
import { ExportAttendancesQuery, ListAttendancesQuery } from './dto/attendance-filters.dto';
import { UpdateAttendanceDto } from './dto/update-attendance.dto';
import { AttendanceExportService } from './export/attendance-export.service';

const uuid = new ParseUUIDPipe();
const SCOPE_NOTE = 'Agents see their own attendances, managers their team, admins the tenant. A filter outside your scope answers 403.';

@ApiTags('attendances')
@Controller('attendances')
export class AttendancesController {
  constructor(
    private readonly attendances: AttendancesService,
    private readonly exports: AttendanceExportService,
  ) {}

  @Get()
  @Authorized(Role.Admin, Role.Manager, Role.Agent)
  @ApiOperation({ summary: 'Attendances, newest first, keyset-paged', description: SCOPE_NOTE })
  list(@CurrentUser() principal: UserPrincipal, @Query() query: ListAttendancesQuery): Promise<Page<AttendanceListItem>> {
    return this.attendances.list(principal, query);
  }

  @Get('export')
  @Authorized(Role.Admin, Role.Manager, Role.Agent)
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file, as an attachment', content: fileContent('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') })
  @ApiOperation({ summary: 'The same list as CSV (pt-BR, UTF-8 with BOM) or XLSX, streamed', description: SCOPE_NOTE })
  async export(@CurrentUser() principal: UserPrincipal, @Query() query: ExportAttendancesQuery): Promise<StreamableFile> {
    const file = await this.exports.export(principal, query);
    return new StreamableFile(file.stream, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"` });
  }

  @Get(':id')
  @Authorized(Role.Admin, Role.Manager, Role.Agent)
  @ApiOperation({ summary: 'One attendance with the full AI summary' })
  get(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string): Promise<AttendanceDetail> {
    return this.attendances.get(principal, id);
  }

  @Patch(':id')
  @Authorized(Role.Admin, Role.Manager)
  @ApiOperation({ summary: 'Correct stage, origin, conversion or sale value (audited)' })
  update(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: UpdateAttendanceDto,
    @Req() http: FastifyRequest,
  ): Promise<AttendanceDetail> {
    return this.attendances.update(principal, id, request, requestContext(http));
  }

  @Delete(':id')
  @Authorized(Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Soft-delete an attendance' })
  async remove(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<void> {
    await this.attendances.remove(principal, id, requestContext(http));
  }
}
