// 一张图 The county choropleth shared by the map page and the wall screen: the districts' outlines come from
// GET /api/v1/geo/area.json (GeoJSON keyed by district code), the values from /api/v1/figures?by=district. The map
// only shades and labels what the API computed; a click hands the district code to the page.
import { getJson } from './api.js';
import { FONT } from './chartbox.js';
import { formatValue, nameOf } from './format.js';

export const MAP_NAME = 'xiaoan-area';
// light to dark red as the heatmap (reads in greyscale too); grey where a value cannot be computed
const LIGHT = { low: '#fee5d9', high: '#a50f15', none: '#d9d9d9', border: '#ffffff', ink: '#1f2937', inkOnDark: '#ffffff' };
const DARK = { low: '#1d3b5c', high: '#ff5a36', none: '#2b3445', border: '#0b1220', ink: '#e6edf7', inkOnDark: '#ffffff' };

let area = null;

/** Loads the outlines once per page and registers them with ECharts; resolves with the GeoJSON. */
export function loadArea() {
  area ??= getJson('/api/v1/geo/area.json').then((geojson) => {
    window.echarts.registerMap(MAP_NAME, geojson);
    return geojson;
  });
  area.catch(() => { area = null; }); // a failed load is tried again on the next draw
  return area;
}

/** The district's name in the page language, from the outline's properties (the reference names). */
export function districtName(geojson, code, language) {
  const feature = geojson.features.find((f) => f.properties.code === code);
  if (!feature) {
    return code;
  }
  return language === 'en' ? feature.properties.nameEn : feature.properties.name;
}

/**
 * The ECharts option of a choropleth: table = /api/v1/figures?by=district, figure = a catalog figure
 * ({code, nameZh, nameEn, unit}). scale enlarges text for wall screens; dark picks the wall screen's palette.
 */
export function mapOption({ geojson, table, figure, language, scale = 1, dark = false }) {
  const palette = dark ? DARK : LIGHT;
  const values = new Map(table.rows.map((row) => [row.district, row[figure.code]]));
  const present = [...values.values()].filter((value) => value !== null && value !== undefined);
  const min = present.length ? Math.min(...present) : 0;
  const max = present.length ? Math.max(...present) : 1;
  const format = (value) => formatValue(value, figure.unit, language);
  const data = geojson.features.map((feature) => {
    const code = feature.properties.code;
    const value = values.get(code);
    // white text on the darker half of the scale, so every label stays readable
    const onDark = value !== null && value !== undefined && max > min && (value - min) / (max - min) > 0.55;
    return { name: code, value: value ?? NaN, districtName: districtName(geojson, code, language),
      label: { color: onDark ? palette.inkOnDark : palette.ink } };
  });
  const text = (size) => Math.round(size * scale);
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT },
    tooltip: {
      trigger: 'item',
      formatter: (item) => `${item.data?.districtName ?? item.name}<br>${nameOf(figure, language)}：${format(values.get(item.name))}`,
    },
    visualMap: {
      type: 'continuous',
      min,
      // one value alone (or none) still needs a span to shade
      max: max > min ? max : min + 1,
      calculable: false,
      orient: 'horizontal',
      left: text(8),
      bottom: text(8),
      itemWidth: text(12),
      itemHeight: text(120),
      text: [format(max), format(min)],
      textStyle: { color: palette.ink, fontSize: text(12) },
      inRange: { color: [palette.low, palette.high] },
      seriesIndex: 0,
    },
    series: [{
      type: 'map',
      map: MAP_NAME,
      nameProperty: 'code',
      roam: false,
      selectedMode: false,
      layoutCenter: ['50%', '48%'],
      layoutSize: '92%',
      itemStyle: { areaColor: palette.none, borderColor: palette.border, borderWidth: Math.max(1, scale) },
      emphasis: {
        itemStyle: { areaColor: undefined, borderColor: dark ? '#ffd166' : '#08306b', borderWidth: 2 * Math.max(1, scale) },
        label: { color: palette.ink },
      },
      label: {
        show: true,
        color: palette.ink,
        fontSize: text(12),
        lineHeight: text(16),
        formatter: (item) => `{name|${item.data?.districtName ?? item.name}}\n${format(values.get(item.name))}`,
        rich: { name: { fontWeight: 'bold', fontSize: text(13) } },
      },
      data,
      cursor: 'pointer',
    }],
  };
}
