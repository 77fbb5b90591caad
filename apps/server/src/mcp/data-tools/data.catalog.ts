import type { ResourceTemplateDefinition } from '../resources/resource.types';
import type { AnyToolDefinition } from '../tools/tool.types';
import { analyzeTableTool } from './analysis.tool';
import { uploadAttachmentTool } from './attachment.tool';
import { batchCreateTool } from './batch-create.tool';
import { batchUpdateTool } from './batch-update.tool';
import { addCommentTool, listCommentsTool } from './comments.tools';
import { findDuplicatesTool } from './duplicates.tool';
import { exportCsvTool } from './export-csv.tool';
import { getFieldInfoTool } from './field-info.tool';
import { getRecordTool } from './get-record.tool';
import { getRecordsTool } from './get-records.tool';
import { createMetadataTableTool } from './metadata-table.tool';
import { createRecordTool, deleteRecordTool, updateRecordTool } from './record-writes.tools';
import { baseSchemaResource } from './schema.resource';
import { describeTableTool, listBasesTool, listTablesTool, listViewsTool } from './schema-read.tools';
import { deleteRecordsTool } from './delete-records.tool';
import { createFieldTool, updateFieldTool } from './field-write.tools';
import { createTableTool, updateTableTool } from './table-write.tools';
import { searchRecordsTool } from './search-records.tool';
import { syncTablesTool } from './sync.tool';
import type { DataToolDeps } from './tool.deps';
import { undoChangeTool } from './undo.tool';
import { upsertRecordsTool } from './upsert.tool';

/** Every data tool and resource, built on the one data service. */
export function createDataCatalog(deps: DataToolDeps): {
  tools: AnyToolDefinition[];
  resources: ResourceTemplateDefinition[];
} {
  const tools: AnyToolDefinition[] = [
    // The 14 original tools.
    listTablesTool(deps),
    getRecordsTool(deps),
    createRecordTool(deps),
    updateRecordTool(deps),
    deleteRecordTool(deps),
    searchRecordsTool(deps),
    createMetadataTableTool(deps),
    batchCreateTool(deps),
    batchUpdateTool(deps),
    getFieldInfoTool(deps),
    analyzeTableTool(deps),
    findDuplicatesTool(deps),
    exportCsvTool(deps),
    syncTablesTool(deps),
    // What the best peers have.
    listBasesTool(deps),
    describeTableTool(deps),
    getRecordTool(deps),
    upsertRecordsTool(deps),
    deleteRecordsTool(deps),
    createTableTool(deps),
    updateTableTool(deps),
    createFieldTool(deps),
    updateFieldTool(deps),
    listViewsTool(deps),
    undoChangeTool(deps),
    uploadAttachmentTool(deps),
    ...(deps.comments
      ? [
          listCommentsTool({ ...deps, comments: deps.comments }),
          addCommentTool({ ...deps, comments: deps.comments }),
        ]
      : []),
  ];
  return { tools, resources: [baseSchemaResource(deps)] };
}
