/**
 * User annotations: the sidecar format (parse, append), anchoring in edited text, and applying
 * the decisions to an article's analysis. The language server and the CLI use only these names.
 */

export { AnnotationTarget, ContentChange, Span, CONTEXT_LENGTH, anchor, followEdits, makeTarget, mapThroughEdits } from './anchor';
export { Annotation, AnnotationKind, ANNOTATION_KINDS, NewAnnotation, ParsedSidecar, annotationAppendText, isTimexValue, newAnnotationId, nextAnnotationId, parseSidecar } from './sidecar';
export { AnchoredAnnotation, AppliedNote, ApplyInput, ApplyResult, REATTACH_COMMAND, applyAnnotations } from './apply';
export { SIDECAR_SUFFIX, articleOfSidecar, isSidecarPath, sidecarPath } from './naming';
