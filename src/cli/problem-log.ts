/**
 * The one collector of a run's input problems, whichever pass, file or worker thread finds them.
 * Each problem is filed under where it sorts — before any input (a path that cannot be read), or
 * a file (by its position in reading order) and line — and {@link ProblemLog.ordered} gives them
 * in input order, ties in the order they were found, the same one repeated only once. The same
 * run therefore prints the same problems in the same order for any `--jobs`.
 */

/** One unreadable piece of input, located by file and (when known) line. Messages never quote input content. */
export interface InputProblem {
  file: string;
  line?: number;
  message: string;
}

/** Formats a problem as `file:line: message`. */
export function formatProblem(p: InputProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}

interface Filed {
  problem: InputProblem;
  file: number;
  line: number;
  seq: number;
}

/** Collects problems as they are found and hands them out in input order. */
export class ProblemLog {
  private readonly filed: Filed[] = [];
  private readonly seen = new Set<string>();

  /**
   * Files a problem. `fileIndex` is the file's position in reading order (-1: before any input)
   * and `sortLine` its place within the file (its line; -1 before every line, Infinity after).
   */
  add(problem: InputProblem, fileIndex = -1, sortLine = problem.line ?? -1): void {
    const key = `${fileIndex}\u0000${formatProblem(problem)}`;
    if (this.seen.has(key)) {
      return;
    }
    this.seen.add(key);
    this.filed.push({ problem, file: fileIndex, line: sortLine, seq: this.filed.length });
  }

  /** Number of distinct problems filed. */
  get count(): number {
    return this.filed.length;
  }

  /** Every problem, in input order (before any input first, then by file and line), ties in the order found. */
  ordered(): InputProblem[] {
    return [...this.filed].sort((a, b) => a.file - b.file || a.line - b.line || a.seq - b.seq).map((f) => f.problem);
  }
}
