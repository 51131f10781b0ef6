// The meeting's charts, drawn by Apache ECharts (SVG, so they stay sharp at any width): a bar per
// participant from join to leave, and how many were in the meeting over time.

import { use, init, graphic, format } from 'echarts/core';
import { CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, DataZoomComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([CustomChart, LineChart, GridComponent, TooltipComponent, DataZoomComponent, SVGRenderer]);

/** The colour of a participant's bar; the browser tests find the bars by it. */
export const BAR_COLOUR = '#2f6fde';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function chart(el) {
    const instance = init(el, null, { renderer: 'svg' });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return { instance, dispose: () => { observer.disconnect(); instance.dispose(); } };
}

const timeAxis = { type: 'time', axisLabel: { formatter: value => clock.format(new Date(value)), hideOverlap: true } };

/** Bars of [joined, left] per participant; one still inside runs to {@code until}. */
export function participantTimeline(el, peers, until) {
    const { instance, dispose } = chart(el);
    const labels = peers.map(p => p.label);
    instance.setOption({
        animation: false,
        aria: { enabled: true, label: { description: `Participant timeline of ${peers.length} participants` } },
        grid: { left: 8, right: 24, top: 8, bottom: 56, containLabel: true },
        xAxis: timeAxis,
        yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
        dataZoom: [{ type: 'inside', filterMode: 'weakFilter' }, { type: 'slider', height: 16, bottom: 8, filterMode: 'weakFilter' }],
        tooltip: {
            formatter: item => {
                const p = peers[item.value[0]];
                return `${format.encodeHTML(p.label)}<br>${clock.format(new Date(p.start))} – ${p.left ? clock.format(new Date(p.end)) : 'still in'}`;
            },
        },
        series: [{
            type: 'custom',
            name: 'In the meeting',
            itemStyle: { color: BAR_COLOUR },
            encode: { x: [1, 2], y: 0 },
            data: peers.map((p, i) => [i, p.start, p.left ? p.end : until]),
            renderItem: (params, api) => {
                const row = api.value(0);
                const from = api.coord([api.value(1), row]);
                const to = api.coord([api.value(2), row]);
                const height = api.size([0, 1])[1] * 0.6;
                const box = params.coordSys;
                const shape = graphic.clipRectByRect(
                    { x: from[0], y: from[1] - height / 2, width: Math.max(to[0] - from[0], 3), height },
                    { x: box.x, y: box.y, width: box.width, height: box.height });
                return shape && { type: 'rect', transition: [], shape, style: api.style() };
            },
        }],
    });
    return dispose;
}

/** How many were inside at each moment: +1 at a join, -1 at a leave. */
export function concurrency(peers, until) {
    const changes = [];
    for (const p of peers) {
        changes.push([p.start, 1]);
        if (p.left) changes.push([p.end, -1]);
    }
    changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const points = [];
    let inside = 0;
    for (const [at, change] of changes) {
        inside += change;
        if (points.length && points[points.length - 1][0] === at) points[points.length - 1][1] = inside;
        else points.push([at, inside]);
    }
    if (points.length) points.push([Math.max(until, points[points.length - 1][0]), inside]);
    return points;
}

export function concurrencyChart(el, points) {
    const { instance, dispose } = chart(el);
    instance.setOption({
        animation: false,
        aria: { enabled: true, label: { description: `Participants in the meeting over time, at most ${Math.max(0, ...points.map(p => p[1]))}` } },
        grid: { left: 8, right: 24, top: 16, bottom: 24, containLabel: true },
        xAxis: timeAxis,
        yAxis: { type: 'value', minInterval: 1, name: 'participants' },
        tooltip: { trigger: 'axis', valueFormatter: value => String(value) },
        series: [{ type: 'line', name: 'Participants', step: 'end', showSymbol: false, areaStyle: { opacity: 0.2 }, data: points }],
    });
    return dispose;
}
