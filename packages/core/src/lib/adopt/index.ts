/**
 * Adoption: describing a real connector's datatypes with the pack's patterns. `planDatatypes` picks,
 * for each template file, the pattern and options (inferred from its pipes by `inferOptions`) with the
 * smallest residual patch; `deviations` and `shapeOf` say where and how a pipe differs from what
 * the pack renders (the pack-coverage tool and the drift report read them).
 */
export { planDatatypes, sameJson, type AdoptionInput, type DatatypePlan } from './plan-datatypes';
export { inferOptions, type Pipes } from './infer-options';
export { readSourcePipes, pipeRole, withDatatypePlaceholder, type SourcePipes } from './source-pipes';
export { deviations, shapeOf } from './deviations';
export { nodeConfigOf, nodeConfigDifferences, type NodeConfig } from './node-config';
