/**
 * The one collector of a run's input problems, whichever pass, file or worker thread finds them.
 * Each problem is filed under where it sorts — before any input (a path that cannot be read), or
 * a file (by its position in reading order) and line — kept in input order as they arrive (ties
 * in the order they were found, the same one repeated only once), so {@link ProblemLog.ordered}
 * has nothing left to sort. The same run therefore prints the same problems in the same order for
 * any `--jobs`, whichever thread finished first.
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
}

/** Collects problems as they are found and hands them out in input order. */
export class ProblemLog {
  /** In input order: by file, then line, then the order found. */
  private readonly filed: Filed[] = [];
  private readonly seen = new Set<string>();

  /** Index after every problem filed at or before (file, line): where the next one there goes. */
  private insertionPoint(file: number, line: number): number {
    let lo = 0;
    let hi = this.filed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const f = this.filed[mid]!;
      if (f.file < file || (f.file === file && f.line <= line)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

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
    const filed = { problem, file: fileIndex, line: sortLine };
    const at = this.insertionPoint(fileIndex, sortLine);
    // problems mostly arrive in input order: appending is the common case
    if (at === this.filed.length) {
      this.filed.push(filed);
    } else {
      this.filed.splice(at, 0, filed);
    }
  }

  /** Number of distinct problems filed. */
  get count(): number {
    return this.filed.length;
  }

  /** Every problem, in input order (before any input first, then by file and line), ties in the order found. */
  ordered(): InputProblem[] {
    return this.filed.map((f) => f.problem);
  }
}
