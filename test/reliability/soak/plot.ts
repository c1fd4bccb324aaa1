import { Resvg } from '@resvg/resvg-js';

/** One point of a series: seconds since the start, the series' name, its value. */
export interface PlotPoint {
  t: number;
  series: string;
  value: number;
}

export interface PlotPanel {
  title: string;
  unit: string;
  points: PlotPoint[];
}

/** A fault drawn as a shaded band over every panel. */
export interface PlotBand {
  from: number;
  to: number;
  fault: string;
}

// vega and vega-lite publish ES modules with top-level await, which `require` cannot load, and
// TypeScript compiles `import()` to `require` under `module: commonjs`: a real dynamic import
// has to be written where TypeScript does not rewrite it. Their types are out of reach of
// `moduleResolution: node` too; these are the few calls used here.
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;
const VEGA_LITE = 'vega-lite';
const VEGA = 'vega';
interface VegaLiteModule {
  compile(spec: object): { spec: object };
}
interface VegaView {
  toSVG(): Promise<string>;
  finalize(): void;
}
interface VegaModule {
  parse(spec: object): object;
  View: new (runtime: object, options: { renderer: 'none' }) => VegaView;
}

/**
 * Draws stacked line charts sharing the time axis (Vega-Lite, rendered to SVG by Vega without a
 * browser) and rasterises them to PNG with resvg. Vega ships as ES modules, which Node loads
 * from CommonJS through `require`.
 */
export async function renderPlot(
  title: string,
  panels: PlotPanel[],
  bands: PlotBand[],
): Promise<Buffer> {
  const vegaLite = (await importEsm(VEGA_LITE)) as VegaLiteModule;
  const vega = (await importEsm(VEGA)) as VegaModule;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    background: 'white',
    vconcat: panels.map((panel) => ({
      width: 900,
      height: 170,
      title: `${panel.title} (${panel.unit})`,
      layer: [
        {
          data: { values: bands },
          mark: { type: 'rect', opacity: 0.12 },
          encoding: {
            x: { field: 'from', type: 'quantitative' },
            x2: { field: 'to' },
            color: { field: 'fault', type: 'nominal', legend: { title: 'fault' } },
          },
        },
        {
          data: { values: panel.points },
          mark: { type: 'line', strokeWidth: 1.5 },
          encoding: {
            x: { field: 't', type: 'quantitative', title: 'seconds' },
            y: { field: 'value', type: 'quantitative', title: panel.unit },
            stroke: { field: 'series', type: 'nominal', legend: { title: 'series' } },
          },
        },
      ],
    })),
    resolve: { scale: { color: 'independent', stroke: 'independent' } },
  };
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return new Resvg(svg, {
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
}
