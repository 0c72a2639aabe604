export {
  type Acknowledgement,
  AcknowledgementFileError,
  type AcknowledgementOutcome,
  type AcknowledgementProblem,
  acknowledgementFileSchema,
  applyAcknowledgements,
  describeAcknowledgementIssues,
  loadAcknowledgements,
  parseAcknowledgements,
} from './acknowledgements.js';
export {
  type AnnotationLevel,
  annotateChanges,
  annotationFor,
  annotationLevel,
  annotationMessage,
  pointerLine,
  type SpecLine,
  SpecLines,
  specLineOf,
  workflowCommand,
} from './annotations.js';
export {
  catalogue,
  isRuleId,
  type Rule,
  type RuleId,
  type RuleTarget,
  renderCatalogueMarkdown,
  ruleIds,
  ruleOf,
  type Severity,
} from './catalogue.js';
export { type FingerprintInput, fingerprint, fingerprintLength } from './fingerprint.js';
export {
  type Acknowledged,
  type ChangeCount,
  type DriftChange,
  type Evidence,
  type GroupOptions,
  groupInstances,
  type ObservedResponse,
  sortChanges,
} from './group.js';
export {
  type DriftInstance,
  hideHeaderValues,
  type InstanceContext,
  instanceFromSchemaFinding,
  instancesFromPactMismatch,
  jsonTypeOf,
  jsonTypeOfText,
  type PactMismatchLike,
  ruleForSchemaKeyword,
  type SchemaFindingLike,
  type Source,
} from './instances.js';
export {
  arrayOf,
  childPath,
  formatBodyPath,
  isBodyPath,
  itemOf,
  measureArrays,
  normalizePath,
  parseBodyPath,
  type Segment,
  schemaPathOf,
  splitLastKey,
  valuesAt,
} from './paths.js';
export { createNameRedactor, createRedactor, isShortSecret, minimumSecretLength, redact, redacted, secretForms } from './redact.js';
export {
  type ChangeCounts,
  countChanges,
  failingChanges,
  type MarkdownOptions,
  renderChangeLine,
  renderChangesMarkdown,
  summaryLine,
} from './render.js';
export { findOperation, locateInSpec, propertiesAt, type SpecLocation, type SpecPlace, typeAt } from './spec-walk.js';
