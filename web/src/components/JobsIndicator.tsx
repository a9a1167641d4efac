import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { announce } from '../announce.js';
import { applyJobEvent, JOB_EVENTS, type JobView } from '../lib/job-events.js';

const ARCHIVE_CHANGED = 'kirinuki:archive-changed';

/** A finished job's state, as the list says it. */
const JOB_STATE_LABELS: Record<JobView['state'], string> = {
  running: '実行中',
  done: '完了',
  failed: '失敗',
  cancelled: '中止',
};

/**
 * Runs `listener` when a job has changed the archive (an import or reindex finished).
 *
 * @example
 *   useEffect(() => onArchiveChanged(reload), [reload]);
 */
export function onArchiveChanged(listener: () => void): () => void {
  window.addEventListener(ARCHIVE_CHANGED, listener);
  return () => window.removeEventListener(ARCHIVE_CHANGED, listener);
}

/**
 * The jobs button of the header and its panel: start an import or a reindex, follow, cancel.
 *
 * @example
 *   <JobsIndicator />
 */
export function JobsIndicator() {
  const [jobs, setJobs] = useState<JobView[]>([]);
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const streams = useRef(new Map<string, EventSource>());

  useEffect(() => {
    const all = streams.current;
    return () => {
      for (const stream of all.values()) stream.close();
    };
  }, []);

  const update = (id: string, change: (job: JobView) => JobView): void =>
    setJobs((list) => list.map((job) => (job.id === id ? change(job) : job)));

  const follow = (id: string, label: string): void => {
    setJobs((list) => [
      { id, label, state: 'running', done: 0, total: null, message: null },
      ...list,
    ]);
    const stream = new EventSource(api.jobEventsUrl(id));
    streams.current.set(id, stream);
    for (const type of JOB_EVENTS) {
      stream.addEventListener(type, (event) => {
        update(id, (job) => applyJobEvent(job, type, (event as MessageEvent<string>).data));
        if (type === 'progress') return;
        stream.close();
        streams.current.delete(id);
        announce(`${label}：${JOB_STATE_LABELS[type]}`);
        if (type === 'done') window.dispatchEvent(new Event(ARCHIVE_CHANGED));
      });
    }
    stream.onerror = () => {
      if (stream.readyState !== EventSource.CLOSED) return;
      streams.current.delete(id);
      update(id, (job) =>
        job.state === 'running'
          ? { ...job, state: 'failed', message: 'サーバーとの接続が切れました' }
          : job,
      );
    };
  };

  const start = async (
    request: { kind: 'import'; path: string } | { kind: 'reindex' },
  ): Promise<void> => {
    setError(null);
    try {
      const { id } = await api.startJob(request);
      follow(id, request.kind === 'import' ? `取り込み ${request.path}` : '索引の作り直し');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const cancel = async (id: string): Promise<void> => {
    try {
      await api.cancelJob(id);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const running = jobs.filter((job) => job.state === 'running');
  return (
    <div class="jobs">
      <button
        type="button"
        class="jobs-button"
        aria-expanded={open}
        aria-controls="jobs-panel"
        onClick={() => setOpen(!open)}
      >
        ジョブ
        <span
          class={running.length > 0 ? 'badge busy' : 'badge'}
          aria-label={`実行中${running.length}件`}
        >
          {running.length}
        </span>
      </button>
      <section id="jobs-panel" class="jobs-panel" hidden={!open} aria-label="ジョブ">
        <form
          class="job-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (path.trim()) void start({ kind: 'import', path: path.trim() });
          }}
        >
          <label for="job-path">サーバー上のファイルかフォルダーを取り込む</label>
          <div class="row">
            <input
              id="job-path"
              type="text"
              value={path}
              placeholder="/path/to/blog-export.xml"
              onInput={(event) => setPath(event.currentTarget.value)}
            />
            <button type="submit" disabled={!path.trim()}>
              取り込む
            </button>
          </div>
        </form>
        <button type="button" onClick={() => void start({ kind: 'reindex' })}>
          アーカイブの索引を作り直す
        </button>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <ul class="job-list" aria-label="ここで始めたジョブ">
          {jobs.map((job) => (
            <li key={job.id} class={`job ${job.state}`}>
              <span class="job-label">{job.label}</span>
              <progress
                max={job.total ?? undefined}
                value={job.total === null && job.state === 'running' ? undefined : job.done}
                aria-label={`${job.label}の進み具合`}
              />
              <span class="job-state">
                {job.state === 'running'
                  ? job.total === null
                    ? `${job.done}`
                    : `${job.done} / ${job.total}`
                  : JOB_STATE_LABELS[job.state]}
              </span>
              {job.state === 'running' ? (
                <button
                  type="button"
                  onClick={() => void cancel(job.id)}
                  aria-label={`${job.label}を中止`}
                >
                  中止
                </button>
              ) : null}
              {job.message ? <p class="job-message">{job.message}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
