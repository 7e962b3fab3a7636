// The city facet as a map: one dot per city at its place, showing how many partners of the current
// search are there. A dot toggles its city exactly like the city's checkbox, which stays the
// accessible alternative. The outline (map/germany.svg) and the projection's parameters
// (map/germany.json) come from scripts/make-map.mjs; the cities' coordinates come from the API.

const PARAMETERS_URL = '/map/germany.json';
const RADIANS = Math.PI / 180;
let parameters = null;

/** The projection's parameters, fetched once. */
export function loadProjection() {
  if (!parameters) {
    parameters = fetch(PARAMETERS_URL).then((r) => {
      if (!r.ok) throw new Error(`${PARAMETERS_URL} answered ${r.status}`);
      return r.json();
    });
    parameters.catch(() => { parameters = null; }); // try again with the next search
  }
  return parameters;
}

/**
 * Where d3-geo's geoConicConformal().rotate([λ, 0]).parallels(...).scale(k).translate(t) puts a place,
 * in the SVG's pixels: the same formula (d3-geo's conicConformalRaw), so the page needs no d3. Only
 * a rotation about the polar axis, as the script uses; the browser test compares it with d3's output.
 */
export function project(p, longitude, latitude) {
  const [y0, y1] = p.parallels.map((d) => d * RADIANS);
  const tany = (y) => Math.tan((Math.PI / 2 + y) / 2);
  const n = y0 === y1 ? Math.sin(y0) : Math.log(Math.cos(y0) / Math.cos(y1)) / Math.log(tany(y1) / tany(y0));
  const f = (Math.cos(y0) * Math.pow(tany(y0), n)) / n;
  let lambda = (longitude + p.rotate[0]) * RADIANS;
  if (lambda > Math.PI) lambda -= 2 * Math.PI;
  else if (lambda < -Math.PI) lambda += 2 * Math.PI;
  const r = f / Math.pow(tany(latitude * RADIANS), n);
  return [p.translate[0] + p.scale * r * Math.sin(n * lambda), p.translate[1] - p.scale * (f - r * Math.cos(n * lambda))];
}

/**
 * Draws a dot per city that has partners in this search or is selected.
 *
 * @param canvas the element holding the map image; dots are placed over it in percent
 * @param cities the city facet's values (value, label, count, selected, coordinates)
 * @param texts the page's texts in its language (mapDot)
 * @param onToggle called with a city's value when its dot is clicked
 */
export async function renderMap(canvas, cities, texts, onToggle) {
  const p = await loadProjection();
  const shown = cities.filter((c) => c.coordinates && (c.count > 0 || c.selected))
    .sort((a, b) => b.count - a.count); // small cities last, so they lie on top of a big neighbour
  const dots = shown.map((c) => {
    const [x, y] = project(p, c.coordinates.longitude, c.coordinates.latitude);
    const dot = document.createElement('button');
    dot.type = 'button';
    dot.className = 'map-dot';
    dot.dataset.city = c.value;
    dot.setAttribute('aria-pressed', String(Boolean(c.selected)));
    dot.setAttribute('aria-label', texts.mapDot(c.label, c.count));
    dot.title = texts.mapDot(c.label, c.count);
    dot.textContent = String(c.count);
    // CSSOM, not a style attribute: the page's CSP allows no inline style.
    dot.style.left = `${(100 * x) / p.width}%`;
    dot.style.top = `${(100 * y) / p.height}%`;
    dot.addEventListener('click', () => onToggle(c.value));
    return dot;
  });
  canvas.querySelectorAll('.map-dot').forEach((d) => d.remove());
  canvas.append(...dots);
}
