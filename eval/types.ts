/** One evaluation: a name and a run that returns its report as markdown. Add more to eval/index.ts. */
export interface Evaluation {
  name: string;
  run(): Promise<string>;
}
