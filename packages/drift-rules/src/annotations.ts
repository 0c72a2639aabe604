/**
 * GitHub annotations: each change as a workflow command on the line of `specs/<api>/openapi.yaml` it
 * contradicts, so the pull request or run page shows it in the spec itself.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { OpenApiDocument } from '@api-contracts/specs';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { DriftChange } from './group.js';
import { locateInSpec } from './spec-walk.js';

export interface SpecLine {
  /** 1-based line of the node (of its key, for a mapping entry). */
  line: number;
  /** The pointer actually found: `pointer` itself when `exact`, else its deepest existing ancestor. */
  pointer: string;
  exact: boolean;
}

/** A spec's text parsed once: its document (for `locateInSpec`) and the line of any JSON pointer. */
export class SpecLines {
  readonly document: OpenApiDocument;
  private readonly yaml;
  private readonly lineCounter = new LineCounter();

  constructor(text: string) {
    this.yaml = parseDocument(text, { lineCounter: this.lineCounter });
    if (this.yaml.errors.length > 0) throw new TypeError(`Not valid YAML: ${this.yaml.errors[0]?.message.split('\n')[0]}`);
    this.document = this.yaml.toJS();
  }

  /** The line of `pointer` (`#/components/schemas/AgentSession/properties/key`, `#` optional). */
  lineOf(pointer: string): SpecLine {
    const tokens = pointer
      .replace(/^#/, '')
      .split('/')
      .slice(1)
      .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
    let node: unknown = this.yaml.contents;
    let line = 1;
    const found: string[] = [];
    for (const token of tokens) {
      let next: { line: number; value: unknown } | undefined;
      if (isMap(node)) {
        const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === token);
        const start = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        if (pair && start !== undefined) next = { line: this.lineCounter.linePos(start).line, value: pair.value };
      } else if (isSeq(node) && /^\d+$/.test(token)) {
        const item = node.items[Number(token)] as Node | undefined;
        const start = item?.range?.[0];
        if (item && start !== undefined) next = { line: this.lineCounter.linePos(start).line, value: item };
      }
      if (!next)
        return { line, pointer: `#${found.map((part) => `/${part.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`, exact: false };
      line = next.line;
      node = next.value;
      found.push(token);
    }
    return { line, pointer: pointer.startsWith('#') ? pointer : `#${pointer}`, exact: true };
  }
}

/** The line of `pointer` in the spec text (see `SpecLines.lineOf`). */
export function pointerLine(text: string, pointer: string): SpecLine {
  return new SpecLines(text).lineOf(pointer);
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** `::error file=...,line=N,title=...::message`, escaped as GitHub requires. */
export function workflowCommand(
  level: AnnotationLevel,
  { file, line, title }: { file?: string | undefined; line?: number | undefined; title?: string | undefined },
  message: string,
): string {
  const properties = [
    file !== undefined && `file=${escapeProperty(file)}`,
    line !== undefined && `line=${line}`,
    title !== undefined && `title=${escapeProperty(title)}`,
  ]
    .filter(Boolean)
    .join(',');
  return `::${level}${properties ? ` ${properties}` : ''}::${escapeData(message)}`;
}

/** error for breaking, warning for additive, notice once acknowledged. */
export function annotationLevel(change: DriftChange): AnnotationLevel {
  return change.acknowledged ? 'notice' : change.severity === 'breaking' ? 'error' : 'warning';
}

/** The annotation's text: what changed where, the evidence, the count, the hint, the fingerprint. Never a header value. */
export function annotationMessage(change: DriftChange): string {
  const where = [change.operation, change.status].filter(Boolean).join(' ');
  const parts = [
    `${change.title}: ${change.path} (${where})`,
    `expected ${change.expected}, got ${change.actual}`,
    change.countText,
    change.hint,
    change.acknowledged && `acknowledged: ${change.acknowledged.reason}`,
  ].filter(Boolean);
  return `${parts.join('; ')} [${change.fingerprint}]`;
}

/** Where in the spec a change points: its pointer (via `locateInSpec`) and line. */
export function specLineOf(change: DriftChange, spec: SpecLines): SpecLine {
  const location = locateInSpec(spec.document, { operation: change.operation, status: change.status, path: change.path });
  const line = spec.lineOf(location.pointer);
  return { ...line, exact: line.exact && location.exact };
}

/** The workflow command for one change, on the line of `file` (as the repo names it, e.g. `specs/vectara/openapi.yaml`). */
export function annotationFor(change: DriftChange, file: string, spec: SpecLines): string {
  const { line } = specLineOf(change, spec);
  return workflowCommand(annotationLevel(change), { file, line, title: change.rule }, annotationMessage(change));
}

/**
 * One workflow command per change, given each API's spec file and text
 * (`{ vectara: { file: 'specs/vectara/openapi.yaml', text } }`); a change of an API without a spec
 * is annotated without a file.
 */
export function annotateChanges(
  changes: readonly DriftChange[],
  specs: Readonly<Record<string, { file: string; text: string }>>,
): string[] {
  const parsed = new Map<string, SpecLines>();
  return changes.map((change) => {
    const source = specs[change.api];
    if (!source) return workflowCommand(annotationLevel(change), { title: change.rule }, annotationMessage(change));
    let lines = parsed.get(change.api);
    if (!lines) {
      lines = new SpecLines(source.text);
      parsed.set(change.api, lines);
    }
    return annotationFor(change, source.file, lines);
  });
}
