import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import type { PerDay } from '../api/types.js';
import { COUNT_TICK_STEPS, DAY_TICK_STEPS, dayTickLabel, perDaySeries } from '../lib/chart-data.js';

type UPlotClass = typeof uPlot;

/** The colours of the current scheme, from the stylesheet's custom properties. */
function themeColours(): { fg: string; grid: string; bar: string } {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback;
  return {
    fg: read('--muted', '#555'),
    grid: read('--rule', '#ddd'),
    bar: read('--accent', '#2a6bd1'),
  };
}

/**
 * Counts per day as bars (uPlot, loaded when the first chart is shown). The box keeps its
 * height while loading, so nothing below moves; the numbers are also in a table for screen
 * readers and copying.
 *
 * @example
 *   <PerDayChart perDay={[{ day: '2024-03-04', count: 2 }]} label="日別のエントリー数" unit="件" />
 */
export function PerDayChart(props: { perDay: readonly PerDay[]; label: string; unit: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const series = perDaySeries(props.perDay);
  const key = JSON.stringify(series);

  useEffect(() => {
    const element = box.current;
    if (!element || series[0].length === 0) return;
    let plot: uPlot | null = null;
    let disposed = false;
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    let observer: ResizeObserver | null = null;
    let onScheme: (() => void) | null = null;

    const draw = (UPlot: UPlotClass): void => {
      plot?.destroy();
      const colours = themeColours();
      const axis = {
        stroke: colours.fg,
        grid: { stroke: colours.grid, width: 1 },
        ticks: { stroke: colours.grid, width: 1 },
      };
      const first = series[0][0] ?? 0;
      const last = series[0].at(-1) ?? 0;
      const spanDays = (last - first) / 86_400 + 1;
      const halfDay = 43_200;
      plot = new UPlot(
        {
          width: Math.max(200, element.clientWidth),
          height: 200,
          scales: {
            // Half a day either side, so the first and last bars are whole.
            x: { time: false, range: () => [first - halfDay, last + halfDay] },
            y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
          },
          series: [
            { label: '日付' },
            {
              label: props.unit,
              stroke: colours.bar,
              fill: colours.bar,
              width: 0,
              points: { show: false },
              paths: UPlot.paths.bars?.({ size: [0.7, 24], align: 0 }),
            },
          ],
          axes: [
            {
              ...axis,
              incrs: DAY_TICK_STEPS,
              space: 48,
              values: (_u, splits) => splits.map((t) => dayTickLabel(t, spanDays)),
            },
            {
              ...axis,
              size: 40,
              incrs: COUNT_TICK_STEPS,
              values: (_u, splits) => splits.map((n) => String(n)),
            },
          ],
          cursor: { drag: { x: false, y: false } },
        },
        [series[0], series[1]],
        element,
      );
    };

    import('uplot')
      .then((module) => {
        if (disposed) return;
        const UPlot = module.default;
        draw(UPlot);
        observer = new ResizeObserver(() =>
          plot?.setSize({ width: Math.max(200, element.clientWidth), height: 200 }),
        );
        observer.observe(element);
        onScheme = () => draw(UPlot);
        dark.addEventListener('change', onScheme);
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
    return () => {
      disposed = true;
      observer?.disconnect();
      if (onScheme) dark.removeEventListener('change', onScheme);
      plot?.destroy();
    };
  }, [key]);

  const total = series[1].reduce((sum, n) => sum + n, 0);
  const busiest = Math.max(0, ...series[1]);
  return (
    <figure class="chart">
      <div
        ref={box}
        class="chart-box"
        role="img"
        aria-label={`${props.label}：${series[0].length}日間で${total}${props.unit}、1日最大${busiest}${props.unit}`}
      >
        {series[0].length === 0 ? <p class="muted">日付のある記録はまだありません。</p> : null}
        {failed ? <p class="error">グラフを読み込めませんでした（{failed}）</p> : null}
      </div>
      <figcaption>
        <details>
          <summary>{props.label}（表）</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">日付</th>
                <th scope="col">件数</th>
              </tr>
            </thead>
            <tbody>
              {props.perDay.map((row) => (
                <tr key={row.day}>
                  <td>{row.day}</td>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
