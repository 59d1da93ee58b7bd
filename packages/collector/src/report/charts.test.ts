import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart';
import { funnelChart } from './funnel-chart';
import { intervalChart } from './interval-chart';
import { lineChart, niceStep } from './line-chart';

const widths = (svg: string) => [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('charts', () => {
  it('scales bars to the largest total and greys the part no segment may show', () => {
    const svg = barChart(
      [
        { label: '/a', total: 100, caption: '100', segments: [{ value: 100, color: '#000', name: 'x' }] },
        { label: '/b', total: 50, caption: '50', segments: [{ value: 30, color: '#000', name: 'x' }] },
      ],
      { title: 't', width: 560, labelWidth: 180 },
    ).__safeHtml;
    const [a, b, rest] = widths(svg);
    expect(b! / a!).toBeCloseTo(0.3, 2);
    expect(rest! / a!).toBeCloseTo(0.2, 2);
    expect(svg).toContain('fill="#c9ccd1"');
  });

  it('breaks a line at suppressed days instead of drawing them as zero', () => {
    const svg = lineChart(['d1', 'd2', 'd3', 'd4', 'd5'], [{ name: 's', color: '#000', values: [1, 2, null, 4, 5] }], {
      title: 't',
    }).__safeHtml;
    expect(svg.match(/<path /g)).toHaveLength(2);
    const lone = lineChart(['d1', 'd2', 'd3'], [{ name: 's', color: '#000', values: [null, 3, null] }], { title: 't' }).__safeHtml;
    expect(lone).not.toContain('<path ');
    expect(lone).toContain('<circle ');
  });

  it('picks round grid steps', () => {
    expect(niceStep(100)).toBe(25);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0.33)).toBeCloseTo(0.1, 10);
  });

  it('draws a suppressed funnel stage as an outline reading "fewer than N"', () => {
    const svg = funnelChart(
      [
        { label: 'Eligible', value: 100 },
        { label: 'Engaged', value: null },
      ],
      { title: 't', minCount: 20 },
    ).__safeHtml;
    expect(svg).toContain('class="outline"');
    expect(svg).toContain('fewer than 20');
    expect(svg).toContain('100');
  });

  it('puts a dashed zero line on a difference axis, inside the range', () => {
    const svg = intervalChart([{ label: 'Lift', value: 0.05, interval: [-0.02, 0.12], color: '#000' }], {
      title: 't',
      difference: true,
    }).__safeHtml;
    const zero = /<line x1="([\d.]+)"[^>]*class="zero"/.exec(svg);
    expect(zero).not.toBeNull();
    const lo = Number(/<line x1="([\d.]+)" x2="([\d.]+)" y1="16"/.exec(svg)![1]);
    expect(Number(zero![1])).toBeGreaterThan(lo);
  });
});
