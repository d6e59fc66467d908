"use client";

// The dashboard's charts (Recharts). Colours are readable on white and on zinc-900; axes and
// grid take the surrounding text colour, so dark mode needs nothing more. The charts are
// presentational: their figures are in each ChartFigure's accessible name and data table.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChannelOutcome, TrafficPoint } from "@/lib/console/dashboard";
import { channelNames } from "@/components/console/dashboard/labels";

const colors = {
  events: "#3b6cf6",
  notifications: "#d97706",
  delivered: "#16a34a",
  pending: "#a1a1aa",
  failed: "#dc2626",
};
const axis = { stroke: "currentColor", tick: { fill: "currentColor", fontSize: 12 } };
// Legend labels in the text colour (Recharts colours them like their series: too faint to read).
const legend = { formatter: (value: string) => <span className="text-zinc-700 dark:text-zinc-300">{value}</span> };
const tooltipStyle = { contentStyle: { background: "var(--tooltip-bg, #fff)", color: "#18181b", fontSize: 12 } };

function hourLabel(iso: string, withDay: boolean) {
  const date = new Date(iso);
  const time = date.toLocaleTimeString("en", { hour: "2-digit", minute: "2-digit", hour12: false });
  return withDay ? `${date.toLocaleDateString("en", { weekday: "short" })} ${time}` : time;
}

export function TrafficChart({ points, withDay }: { points: TrafficPoint[]; withDay: boolean }) {
  const data = points.map((p) => ({ ...p, label: hourLabel(p.hour, withDay) }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeOpacity={0.15} stroke="currentColor" />
        <XAxis dataKey="label" {...axis} minTickGap={24} />
        <YAxis {...axis} allowDecimals={false} width={48} />
        <Tooltip {...tooltipStyle} />
        <Legend {...legend} />
        <Line
          type="monotone"
          dataKey="events"
          name="Events"
          stroke={colors.events}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="notifications"
          name="Notifications"
          stroke={colors.notifications}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function OutcomeChart({ channels }: { channels: ChannelOutcome[] }) {
  const data = channels.map((c) => ({ ...c, name: channelNames[c.channel] }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeOpacity={0.15} stroke="currentColor" horizontal={false} />
        <XAxis type="number" {...axis} allowDecimals={false} />
        <YAxis type="category" dataKey="name" {...axis} width={64} />
        <Tooltip {...tooltipStyle} />
        <Legend {...legend} />
        <Bar dataKey="delivered" name="Delivered" stackId="a" fill={colors.delivered} isAnimationActive={false} />
        <Bar dataKey="pending" name="Pending" stackId="a" fill={colors.pending} isAnimationActive={false} />
        <Bar dataKey="failed" name="Failed" stackId="a" fill={colors.failed} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
