import type { Check, RuleInfo } from '../rule';
import { checkExpansion, EXPAND } from './expand-failure';
import {
  checkExpandedPipes,
  COLLECT_EXCLUDE_COMPLETENESS,
  COLLECT_EXCLUDES_SHARE,
  COLLECT_PROPERTIES,
  COLLECT_SHARE_DATASET,
  COLLECT_TEMPLATE,
  DESCRIPTION_WARNING,
  PIPE_FILE_NAME,
  SHARE_BATCH_SIZE,
} from './sesam-pipes';
import { checkRawTemplates, TEMPLATE_JSON, TEMPLATE_SINK } from './sesam-templates';
import { checkDatasets, UNKNOWN_DATASET } from './strict-datasets';
import { checkDuplicateIds, DUPLICATE_ID } from './strict-ids';
import { checkDatatypeNames, checkTemplateNames, DATATYPE_NAME, TEMPLATE_NAME } from './strict-manifest';
import { checkOperations, UNKNOWN_OPERATION } from './strict-operations';
import { checkReceivers, EVENT_VALIDATION } from './strict-receivers';
import { checkSecrets, SECRET_OUTSIDE_SYSTEM } from './strict-secrets';
import { checkShareBatchSize, SHARE_BATCH_SIZE_STRICT } from './strict-share';
import { checkCommentTags, checkSingleTemplateSinks, COMMENT_TAG, SINK_DATASET } from './strict-templates';
import {
  checkLeakedParameters,
  checkUndefinedVariables,
  LEAKED_PARAMETER,
  UNDEFINED_VARIABLE,
} from './strict-variables';

/** Every rule, `sesam validate`'s first. */
export const RULES: readonly RuleInfo[] = [
  EXPAND,
  TEMPLATE_JSON,
  TEMPLATE_SINK,
  PIPE_FILE_NAME,
  DESCRIPTION_WARNING,
  COLLECT_TEMPLATE,
  COLLECT_EXCLUDE_COMPLETENESS,
  COLLECT_PROPERTIES,
  COLLECT_SHARE_DATASET,
  COLLECT_EXCLUDES_SHARE,
  SHARE_BATCH_SIZE,
  UNDEFINED_VARIABLE,
  LEAKED_PARAMETER,
  UNKNOWN_OPERATION,
  UNKNOWN_DATASET,
  DUPLICATE_ID,
  SECRET_OUTSIDE_SYSTEM,
  SHARE_BATCH_SIZE_STRICT,
  TEMPLATE_NAME,
  DATATYPE_NAME,
  EVENT_VALIDATION,
  COMMENT_TAG,
  SINK_DATASET,
];

export const CHECKS: readonly Check[] = [
  checkExpansion,
  checkRawTemplates,
  checkExpandedPipes,
  checkUndefinedVariables,
  checkLeakedParameters,
  checkOperations,
  checkDatasets,
  checkDuplicateIds,
  checkSecrets,
  checkShareBatchSize,
  checkTemplateNames,
  checkDatatypeNames,
  checkReceivers,
  checkCommentTags,
  checkSingleTemplateSinks,
];
