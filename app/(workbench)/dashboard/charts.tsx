"use client";
import { useId, useState } from "react";
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

// Recharts draws in the browser; the page passes plain numbers from getEngineMetrics.

const PALETTE = ["#1d4ed8", "#c2410c", "#047857", "#7c3aed", "#be123c", "#0e7490", "#a16207"];

export interface EngineBar {
  engine: string;
  meanHter: number | null;
  meanChrf: number | null;
}

export function EngineBarChart({ data }: { data: EngineBar[] }) {
  return (
    <figure data-testid="engine-bar-chart">
      <figcaption className="mb-2 text-sm text-slate-600">
        Mean HTER (lower: fewer edits needed) and mean chrF (higher: closer to the final text) per
        engine, reviewed articles only.
      </figcaption>
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            {/* Every engine gets its label (long names shortened, tilted so they do not collide). */}
            <XAxis
              dataKey="engine"
              interval={0}
              angle={-20}
              textAnchor="end"
              height={70}
              tickFormatter={(v: string) => (v.length > 22 ? `${v.slice(0, 21)}…` : v)}
            />
            <YAxis />
            <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(1) : v)} />
            <Legend />
            <Bar dataKey="meanHter" name="Mean HTER" fill={PALETTE[0]} isAnimationActive={false} />
            <Bar dataKey="meanChrf" name="Mean chrF" fill={PALETTE[1]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export interface TrendRow {
  week: string;
  engine: string;
  meanHter: number | null;
  meanChrf: number | null;
  mqmPer1000Words: number;
  /** 95% bootstrap bands of the week's means; null under 5 articles. */
  hterBand: { low: number; high: number } | null;
  chrfBand: { low: number; high: number } | null;
}

const METRICS = {
  meanHter: "Mean HTER",
  meanChrf: "Mean chrF",
  mqmPer1000Words: "MQM penalty per 1,000 words",
} as const;
type TrendMetric = keyof typeof METRICS;

/** One line per engine over ISO weeks, for a metric the reader picks. */
export function TrendChart({ rows, engines }: { rows: TrendRow[]; engines: string[] }) {
  const [metric, setMetric] = useState<TrendMetric>("meanHter");
  const id = useId();
  const weeks = [...new Set(rows.map((r) => r.week))].sort();
  const bands: Record<string, boolean> = {};
  const data = weeks.map((week) => {
    const point: Record<string, string | number | null> = { week };
    for (const r of rows) {
      if (r.week !== week) continue;
      point[r.engine] = r[metric];
      // A band only where the week rests on enough articles (lib/quality/bootstrap.ts).
      const band = metric === "meanHter" ? r.hterBand : metric === "meanChrf" ? r.chrfBand : null;
      if (band) bands[`${r.engine} band`] = true;
      (point as Record<string, unknown>)[`${r.engine} band`] = band ? [band.low, band.high] : null;
    }
    return point;
  });
  return (
    <figure data-testid="trend-chart">
      <figcaption className="mb-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <label htmlFor={`${id}-metric`}>Weekly trend of</label>
        <select
          id={`${id}-metric`}
          value={metric}
          onChange={(e) => setMetric(e.target.value as TrendMetric)}
          className="rounded border border-slate-300 bg-white px-2 py-1"
        >
          {Object.entries(METRICS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <span>(weeks start on Monday, by ingest date)</span>
      </figcaption>
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis />
            <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(1) : v)} />
            <Legend />
            {engines.map((engine, i) =>
              bands[`${engine} band`] ? (
                <Area
                  key={`${engine} band`}
                  dataKey={`${engine} band`}
                  name={`${engine} (95% band)`}
                  fill={PALETTE[i % PALETTE.length]}
                  fillOpacity={0.15}
                  stroke="none"
                  connectNulls
                  isAnimationActive={false}
                  legendType="none"
                />
              ) : null,
            )}
            {engines.map((engine, i) => (
              <Line
                key={engine}
                type="monotone"
                dataKey={engine}
                name={engine}
                stroke={PALETTE[i % PALETTE.length]}
                strokeWidth={2}
                dot={{ r: 4 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
