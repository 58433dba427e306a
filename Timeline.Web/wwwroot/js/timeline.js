// The zoomable timeline: a thin wrapper over vis-timeline (loaded as the global `vis`). The server owns
// the data: this module reports the visible range (debounced) and draws whatever items or density
// buckets the server sends back for it. Text is set with textContent, never parsed as HTML.

const DAY = 24 * 60 * 60 * 1000;
const timelines = new Map();
let nextId = 1;

function toDate(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    const date = new Date(Date.UTC(2000, m - 1, d));
    date.setUTCFullYear(y);
    return date;
}

function toIso(date) {
    const y = String(date.getUTCFullYear()).padStart(4, '0');
    const m = String(date.getUTCMonth() + 1).padStart(2, '0');
    const d = String(date.getUTCDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
}

function label(text, className) {
    const span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    return span;
}

let visLoaded = null;

// vis-timeline is large, so it is loaded the first time a timeline is shown, not on every page.
function loadVis(url) {
    if (window.vis) return Promise.resolve();
    visLoaded ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`Could not load ${url}`));
        document.head.appendChild(script);
    });
    return visLoaded;
}

export async function create(element, dotnet, start, end, visUrl) {
    await loadVis(visUrl);
    const items = new vis.DataSet();
    const groups = new vis.DataSet();
    const timeline = new vis.Timeline(element, items, groups, {
        start: toDate(start),
        end: toDate(end),
        min: toDate('1800-01-01'),
        max: toDate('2100-01-01'),
        zoomMin: 7 * DAY,
        zoomMax: 300 * 365 * DAY,
        moment: (date) => vis.moment(date).utc(),
        orientation: { axis: 'top', item: 'top' },
        stack: true,
        selectable: true,
        showCurrentTime: false,
        groupOrder: 'order',
        tooltip: { followMouse: true, overflowMethod: 'cap' },
        margin: { item: { horizontal: 2, vertical: 4 } },
        verticalScroll: true,
        maxHeight: '70vh',
        xss: { disabled: false },
    });
    const id = nextId++;
    const state = { timeline, items, groups, dotnet, timer: 0, element, awaitingData: true };
    timelines.set(id, state);

    // vis draws on the next animation frame, after setData has returned and the server has moved on to the
    // status line. aria-busy says when the view is still waiting for data or drawing it, for assistive
    // technology and for tests that count what is drawn.
    timeline.on('changed', () => {
        if (!state.awaitingData) element.setAttribute('aria-busy', 'false');
    });
    timeline.on('rangechanged', (props) => {
        state.awaitingData = true;
        element.setAttribute('aria-busy', 'true');
        clearTimeout(state.timer);
        state.timer = setTimeout(() => {
            dotnet.invokeMethodAsync('OnRangeChanged', toIso(props.start), toIso(props.end));
        }, 250);
    });
    timeline.on('select', (props) => {
        const itemId = props.items[0];
        if (!itemId) return;
        const item = items.get(itemId);
        if (item && item.bucket) {
            // A density bar: zoom into its period; the range change brings its events.
            timeline.setWindow(item.start, item.end);
            timeline.setSelection([]);
        } else if (item) {
            dotnet.invokeMethodAsync('OnSelect', item.eventId);
        }
    });
    element.addEventListener('keydown', (e) => {
        const keys = { '+': () => timeline.zoomIn(0.5), '=': () => timeline.zoomIn(0.5), '-': () => timeline.zoomOut(0.5),
            ArrowLeft: () => move(id, -0.25), ArrowRight: () => move(id, 0.25), Home: () => timeline.fit() };
        const action = keys[e.key];
        if (action) {
            e.preventDefault();
            action();
        }
    });
    return id;
}

export function setData(id, lanes, events, buckets) {
    const s = timelines.get(id);
    if (!s) return;
    s.awaitingData = false;
    s.element.setAttribute('aria-busy', 'true');
    // Update in place rather than clear and re-add: items that stay keep their DOM, so a click or a
    // selection in progress is not lost when the same range is reloaded.
    replace(s.groups, lanes.map((l, i) => ({ id: l.id, content: label(l.label, 'tl-lane'), order: i })));
    const max = buckets.reduce((m, b) => Math.max(m, b.count), 1);
    // Density bars sit side by side on a common baseline; events stack so none hides another.
    const density = buckets.length > 0;
    s.timeline.setOptions({ stack: !density, orientation: { axis: 'top', item: density ? 'bottom' : 'top' } });
    const next = events.map((e) => {
        const range = e.earliest !== e.latest;
        const classes = ['tl-item', `tl-kind-${e.kind}`, `tl-status-${e.status}`];
        if (e.uncertain) classes.push('tl-uncertain');
        if (e.disputed) classes.push('tl-disputed');
        const content = label(e.title, 'tl-item-title');
        if (e.disputed) content.prepend(label('⚑ ', 'tl-disputed-mark'));
        return {
            id: e.key, eventId: e.id, group: e.lane, content,
            start: toDate(e.earliest), end: range ? new Date(toDate(e.latest).getTime() + DAY) : undefined,
            type: range ? 'range' : 'point', className: classes.join(' '),
            title: label(`${e.display} — ${e.title}`, 'tl-tip'),
        };
    }).concat(buckets.map((b) => {
        const level = Math.max(1, Math.ceil(5 * b.count / max));
        return {
            id: `b-${b.lane}-${b.start}`, bucket: true, group: b.lane,
            content: label(b.count.toLocaleString('en'), 'tl-bucket-count'),
            start: toDate(b.start), end: new Date(toDate(b.end).getTime() + DAY), type: 'range',
            className: `tl-bucket tl-d${level}`,
            style: `height: ${Math.round(14 + 46 * b.count / max)}px`,
            title: label(`${b.count.toLocaleString('en')} events, ${b.start} to ${b.end}: click to zoom in`, 'tl-tip'),
        };
    }));
    replaceItems(s, next);
}

// vis-timeline draws and measures each item the moment it is added, and with the theme's :has() rules every
// measurement restyles the whole page: a few hundred density bars froze the page for seconds. So the items change
// while vis's item layer is out of the document, and vis then draws them all afresh in its batched redraw, which
// measures them together.
function replaceItems(s, items) {
    const itemSet = s.timeline.itemSet;
    const layer = itemSet.dom.frame;
    const parent = layer.parentNode;
    const after = layer.nextSibling;
    parent.removeChild(layer);
    try {
        replace(s.items, items);
    } finally {
        parent.insertBefore(layer, after);
    }
    // What was measured out of the document measured nothing: draw every item again, measuring it this time.
    for (const item of Object.values(itemSet.items)) {
        item.hide();
        item.dirty = true;
    }
    itemSet.markDirty({ restackGroups: true });
    s.timeline.redraw();
}

function replace(dataSet, items) {
    const keep = new Set(items.map((i) => i.id));
    dataSet.remove(dataSet.getIds({ filter: (i) => !keep.has(i.id) }));
    dataSet.update(items);
}

export function zoom(id, factor) {
    const s = timelines.get(id);
    if (!s) return;
    // vis divides the window by 1 + p to zoom in and grows it by p to zoom out: a factor of 0.5 undoes one of 2.
    if (factor < 1) s.timeline.zoomIn(1 / factor - 1); else s.timeline.zoomOut(factor - 1);
}

export function move(id, fraction) {
    const s = timelines.get(id);
    if (!s) return;
    const range = s.timeline.getWindow();
    const shift = (range.end - range.start) * fraction;
    s.timeline.setWindow(new Date(range.start.valueOf() + shift), new Date(range.end.valueOf() + shift));
}

export function setWindow(id, start, end) {
    const s = timelines.get(id);
    if (s) s.timeline.setWindow(toDate(start), toDate(end));
}

export function fit(id) {
    timelines.get(id)?.timeline.fit();
}

export function select(id, eventId) {
    const s = timelines.get(id);
    if (!s) return;
    const ids = s.items.getIds({ filter: (i) => i.eventId === eventId });
    s.timeline.setSelection(ids);
}

export function dispose(id) {
    const s = timelines.get(id);
    if (!s) return;
    clearTimeout(s.timer);
    s.timeline.destroy();
    timelines.delete(id);
}
