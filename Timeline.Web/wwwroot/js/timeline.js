// The zoomable timeline: a thin wrapper over vis-timeline (loaded as the global `vis`). The server owns
// the data: this module reports the visible range (debounced) and draws whatever items, density
// buckets and summaries of loosely dated events the server sends back for it. When the server has handed
// over every event of a region (`hold`: a small filter whole, or the region around a sparse window), a range
// inside it is drawn here at once, with no round trip, and the server only told. Text is set with
// textContent, never parsed as HTML.
//
// Around vis it adds what vis lacks: the view takes the height the viewport has left; the plain wheel scrolls the
// page and Ctrl/⌘ + wheel zooms; and the keyboard reaches every item and bar (the drawing area keeps the focus and
// names the current item with aria-activedescendant, because vis redraws its boxes whenever data arrives and a box
// holding the focus would drop it).

const DAY = 24 * 60 * 60 * 1000;
// The bounds of the view (vis's min, max, zoomMin and zoomMax), as times.
const MIN = Date.UTC(1800, 0, 1);
const MAX = Date.UTC(2100, 0, 1);
const NARROWEST = 7 * DAY;
const WIDEST = 300 * 365 * DAY;
// A glide to a window chosen by a button or a key: short, as the data for it is on its way meanwhile.
const GLIDE = { duration: 250, easingFunction: 'easeInOutQuad' };
// How long the steps of a Ctrl + wheel zoom are gathered into one request (a turn of the wheel sends one every 10–50 ms).
const GATHER = 60;
// How many of the server's windows (those drawn, and those fetched ahead, see fetchAhead) the browser keeps to draw again
// with no round trip; the circuit keeps twice as many (TimelineFeed.WindowsKept).
const KEPT = 10;
// Below this the view would show barely one lane: the page scrolls instead.
const MIN_HEIGHT = 288;
// One formatter for every bar's count: toLocaleString makes one per call, ~20 ms of a first draw's 196 bars (a CPU
// profile of the first draw at 1M).
const COUNT = new Intl.NumberFormat('en');
const timelines = new Map();
let nextId = 1;

function toDate(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    const date = new Date(Date.UTC(2000, m - 1, d));
    date.setUTCFullYear(y);
    return date;
}

// A range of times (ms) as the ISO days the server's windows are asked and kept by.
function days(start, end) {
    return [toIso(new Date(start)), toIso(new Date(end))];
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
        script.onload = () => { drawLanesTogether(); resolve(); };
        script.onerror = () => reject(new Error(`Could not load ${url}`));
        document.head.appendChild(script);
    });
    return visLoaded;
}

// vis draws a lane's new items and measures them in one step of a lane's redraw, and it runs each step lane by lane, so
// every lane with new items forced a style and layout pass of its own (14 in a week of 1937 at 1M). Three steps put
// before that one make every lane's new items first, then measure them all, then size them, so the page is laid out
// once; the step itself then finds them drawn and only places them. Drawing a view's items afresh, median of 20 each
// way in one page at 1M: the opening view's 196 bars 26.6 ms against 32.0, 405 events of 1910 58 against 70. It relies
// on the shapes of Group.redraw's queue and of an item's redraw in vis-timeline 8.5 (package-lock.json): if either is
// not what it expects, vis draws as it always did. The browser test `A crowded week is laid out once for all its lanes…`
// holds that the page is laid out once and every item lands where vis alone puts it.
function drawLanesTogether() {
    const Group = window.vis?.timeline?.components?.Group;
    if (!Group || Group.prototype.redraw.together) return;
    const redraw = Group.prototype.redraw;
    const together = function (range, margin, forceRestack, returnQueue) {
        const wasVisible = this.isVisible;
        const queue = redraw.call(this, range, margin, forceRestack, true);
        // 12 steps, the fifth of them _redrawItems; an item's redraw is 6 steps, the fourth of them its measuring.
        if (queue.length === 12 && String(queue[4]).includes('_redrawItems')) {
            let made = [];
            queue.splice(4, 0,
                () => {
                    // The group's own decision (less a marker's change of height, which only makes vis restack more).
                    const restack = forceRestack || this.stackDirty || (this.isVisible && !wasVisible);
                    made = restack && (this.isVisible || this.height === undefined) ? newInRange(this, range) : [];
                    for (const steps of made) for (let i = 0; i < 3; i++) steps[i]();
                },
                () => { for (const steps of made) steps[3](); },
                () => { for (const steps of made) { steps[4](); steps[5](); } });
            // Anything made here that vis's own step did not count as in range is hidden again, as vis would.
            queue.splice(8, 0, () => {
                if (!made.length) return;
                const counted = new Set(this.visibleItems);
                for (const steps of made) if (steps.item.displayed && !counted.has(steps.item)) steps.item.hide();
                made = [];
            });
        }
        if (returnQueue) return queue;
        let result;
        for (const step of queue) result = step();
        return result;
    };
    together.together = true;
    // Kept so the browser test can draw the same window with vis's own redraw and compare.
    together.original = redraw;
    Group.prototype.redraw = together;
}

// The items not drawn yet that a lane's redraw will draw (Group._updateItemsInRange): those that start within a quarter
// of the view's width of it, those whose span reaches into it, and those it showed before that are still in view.
function newInRange(group, range) {
    const width = range.end - range.start;
    const lower = range.start - width / 4;
    const upper = range.end + width / 4;
    const found = new Set();
    for (const item of group.orderedItems.byStart) {
        if (item.data.start >= lower && item.data.start <= upper) found.add(item);
    }
    for (const item of group.orderedItems.byEnd) if (item.isVisible(range)) found.add(item);
    for (const item of group.visibleItems) if (item.isVisible(range)) found.add(item);
    const made = [];
    for (const item of found) {
        if (item.displayed || item.isCluster || item.cluster) continue;
        const steps = item.redraw(true);
        if (steps.length !== 6) { for (const step of steps) step(); continue; }
        steps.item = item;
        made.push(steps);
    }
    return made;
}

// On every pass of a redraw vis sets the pan gesture's direction from whether the lanes overflow the view, and with it
// the view's touch-action: 'none' (vis pans the lanes vertically too) or 'pan-y' (the page scrolls). Each change of
// touch-action restyles every element in the view, as Chromium derives an element's effective touch-action from its
// ancestors' (2,384 elements, 23 ms of a drag of a week at 1M). Most drags changed it twice to end as they began: the
// lanes fit while a drag leaves items behind, and again in the first pass of the redraw after it, before its new items
// are measured. So the direction is set once vis reports a redraw done ('changed', after its last pass),
// and not during a move by the user, which a browser holds to the touch-action it began with anyway. The browser test
// `The view's touch-action follows whether its lanes overflow…` fails without this.
function settlePanDirection(timeline) {
    const pan = timeline.hammer?.get('pan');
    if (!pan) return;
    const set = pan.set;
    let wanted;
    let moving = false;
    pan.set = function (options) {
        if (options && Object.keys(options).length === 1 && 'direction' in options) {
            wanted = options.direction;
            return this;
        }
        return set.call(this, options);
    };
    timeline.on('rangechange', (props) => { if (props.byUser) moving = true; });
    timeline.on('rangechanged', () => { moving = false; });
    timeline.on('changed', () => {
        if (moving || wanted === undefined) return;
        if (wanted !== pan.options.direction) set.call(pan, { direction: wanted });
        wanted = undefined;
    });
}

// Each step of opening and moving the view leaves a performance mark (the latest of each name only), which
// tools/browser-bench reads to say where the time goes.
function mark(name) {
    performance.clearMarks(name);
    performance.mark(name);
}

// `dotnet` is the view (TimelineView), `fetcher` answers requests for windows ahead (TimelineScript.OnRangeAhead).
export async function create(element, dotnet, fetcher, start, end, visUrl) {
    // The view's element is gone when its page was left before this call arrived (null): no timeline, handle 0, which
    // every other export ignores. Throwing would reach the page's error boundary and blank the page that replaced it.
    if (!element) return 0;
    mark('tl:create');
    await loadVis(visUrl);
    mark('tl:vis');
    const items = new vis.DataSet();
    const groups = new vis.DataSet();
    const timeline = new vis.Timeline(element, items, groups, {
        start: toDate(start),
        end: toDate(end),
        min: new Date(MIN),
        max: new Date(MAX),
        zoomMin: NARROWEST,
        zoomMax: WIDEST,
        moment: (date) => vis.moment(date).utc(),
        orientation: { axis: 'top', item: 'top' },
        stack: true,
        selectable: true,
        showCurrentTime: false,
        groupOrder: 'order',
        tooltip: { followMouse: true, overflowMethod: 'cap' },
        margin: { item: { horizontal: 2, vertical: 4 } },
        // Only with Ctrl; the wheel handler below keeps every wheel event from vis anyway (see there).
        zoomKey: 'ctrlKey',
        verticalScroll: true,
        maxHeight: MIN_HEIGHT,
        xss: { disabled: false },
    });
    // vis keeps its drawing hidden until it has reported the window it opened with, which it does only 200 ms after
    // setting it (it reports a move without animation 200 ms after the last one): the first drawing waited for that,
    // although the window is the one asked for. (vis-timeline 8.5, package-lock.json.)
    timeline.initialRangeChangeDone = true;
    settlePanDirection(timeline);
    const id = nextId++;
    const s = {
        id, timeline, items, groups, dotnet, fetcher, element, timer: 0, hintTimer: 0, awaitingData: true, shown: { start: toDate(start).valueOf(), end: toDate(end).valueOf() },
        listeners: [], observer: null, height: 0, counts: [],
        // The server's windows kept, by range ("from|to"), the ranges on their way, the range a drag last asked for, and
        // the range the view waits for because it is on its way.
        kept: new Map(), fetching: new Set(), peeked: null, waiting: null,
        // The item the keyboard is on, where it was (to find the nearest item when new data replaces it), and the
        // event open in the panel.
        active: null, last: null, selected: null,
    };
    timelines.set(id, s);
    mark('tl:made');

    // vis draws on the next animation frame, after setData has returned and the server has moved on to the
    // status line. aria-busy says when the view is still waiting for data or drawing it, for assistive
    // technology and for tests that count what is drawn.
    timeline.on('changed', () => {
        if (drawn(s)) element.setAttribute('aria-busy', 'false');
        if (s.reveal) reveal(s);
        announce(s);
        lanePanel(s);
        fitCounts(s);
    });
    // During a drag (or a pinch) the window under the pointer is fetched ahead, so that the drag's end finds it there.
    timeline.on('rangechange', (props) => {
        if (props.byUser) peek(s, props.start.valueOf(), props.end.valueOf());
    });
    timeline.on('rangechanged', (props) => {
        // vis also reports the window it opened with, a moment after its first drawing, the end of a move whose window
        // was asked for when it began (see glide and show), and moves by less than a day: none changes what the server would send.
        // Compared as times, not days: vis reports the opening window up to hours wider than asked (fitting it to whole
        // pixels), which read as days made a week opened at 4 Jan 1937 ask for 3-10 Jan or 4-11 Jan instead (seen in
        // full test runs).
        if (Math.abs(props.start - s.shown.start) < DAY && Math.abs(props.end - s.shown.end) < DAY) {
            // vis keeps itself hidden until its first redraw after this first report: let that come now.
            timeline.redraw();
            return;
        }
        // A drag, reported once when it ends (the wheel and the keys ask for their own moves, see shift).
        ask(s, props.start.valueOf(), props.end.valueOf(), 0);
    });
    timeline.on('select', (props) => {
        const item = props.items[0] && items.get(props.items[0]);
        if (!item) return;
        setActive(s, item.id, false);
        if (item.bucket) {
            timeline.setSelection([]);
            zoomInto(s, item);
        } else if (item.loose !== undefined) {
            timeline.setSelection([]);
            dotnet.invokeMethodAsync('OnLoose', ...item.loose);
        } else {
            dotnet.invokeMethodAsync('OnSelect', item.eventId, false);
        }
    });
    listen(s, element, 'keydown', (e) => onKey(s, e));
    listen(s, element, 'focus', () => {
        if (!current(s)) setActive(s, firstKey(s), false);
        announce(s);
    });
    // A click puts the keyboard on the timeline too (vis's touch handling keeps the browser from focusing it); the focus
    // ring on the current item is for keyboard users, a click shows the selection instead.
    listen(s, element, 'pointerdown', () => {
        element.classList.remove('tl-keyboard');
        if (document.activeElement !== element) element.focus({ preventScroll: true });
    });
    listen(s, element, 'wheel', (e) => onWheel(s, e), { capture: true, passive: false });
    listen(s, window, 'resize', () => fill(s));
    // The filters above may grow or shrink (a chip added, the histogram opened): the view follows.
    s.observer = new ResizeObserver(() => fill(s));
    s.observer.observe(element.closest('main') ?? document.body);
    fill(s);
    return id;
}

// When the lanes do not fit, vis scrolls them in the lane names' column, which then shows a scroll bar: it becomes a
// tab stop of its own, whose arrow keys scroll the lanes (axe: a scrolling region must be reachable by keyboard).
function lanePanel(s) {
    const panel = s.timeline.dom.left.parentNode;
    const scrolls = panel.scrollHeight > panel.clientHeight + 1;
    if (scrolls === (panel.getAttribute('tabindex') === '0')) return;
    if (scrolls) {
        panel.setAttribute('tabindex', '0');
        panel.setAttribute('role', 'group');
        panel.setAttribute('aria-label', 'Lane names: scroll to see every lane');
    } else {
        for (const name of ['tabindex', 'role', 'aria-label']) panel.removeAttribute(name);
    }
}

// The data asked for is drawn, and vis shows it: vis keeps its drawing hidden (visibility) until it has reported its
// opening window, which may come after the first data.
function drawn(s) {
    return !s.awaitingData && s.timeline.initialDrawDone === true;
}

function listen(s, target, type, handler, options) {
    target.addEventListener(type, handler, options);
    s.listeners.push(() => target.removeEventListener(type, handler, options));
}

// ---- Height: the view ends at the bottom of the window, whatever sits above it ----

function fill(s) {
    const main = s.element.closest('main');
    const gap = main ? parseFloat(getComputedStyle(main).paddingBottom) || 0 : 16;
    const below = (el) => Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - gap - (el.getBoundingClientRect().top + window.scrollY)));
    const height = below(s.element);
    if (height !== s.height) {
        s.height = height;
        // The height, not only a most: with few lanes the view still ends at the bottom of the window.
        s.timeline.setOptions({ height, maxHeight: height });
    }
    // The evidence panel beside the view scrolls within the same height.
    const area = s.element.closest('[data-tl-fill]');
    if (area) area.style.setProperty('--tl-fill', `${below(area)}px`);
}

// ---- Wheel: the page's, unless Ctrl or ⌘ is held ----

// vis would zoom on the plain wheel, or scroll its own lanes and swallow the wheel until they end. Every wheel event is
// therefore stopped before vis sees it: plain turns go on to scroll the page (their default action is left alone),
// Ctrl/⌘ turns (and a trackpad's pinch, which arrives as Ctrl + wheel) zoom around the pointer, sideways swipes move
// in time.
function onWheel(s, e) {
    e.stopPropagation();
    const w = s.timeline.getWindow();
    const span = w.end - w.start;
    if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const factor = Math.exp(Math.max(-300, Math.min(300, pixels(e, e.deltaY))) * 0.002);
        const props = s.timeline.getEventProperties(e);
        const at = Math.min(w.end.valueOf(), Math.max(w.start.valueOf(), props.time.valueOf()));
        zoomAt(s, factor, at);
    } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        const offset = span * pixels(e, e.deltaX) / s.timeline.dom.centerContainer.clientWidth;
        shift(s, w.start.valueOf() + offset, w.end.valueOf() + offset);
    } else if (!pageCanScroll(e.deltaY)) {
        hint(s);
    }
}

function pixels(e, delta) {
    return e.deltaMode === 1 ? delta * 40 : e.deltaMode === 2 ? delta * 800 : delta;
}

function pageCanScroll(deltaY) {
    const root = document.scrollingElement ?? document.documentElement;
    return deltaY < 0 ? root.scrollTop > 0 : root.scrollTop + window.innerHeight < root.scrollHeight - 1;
}

// Turning the wheel over the view and seeing nothing happen would puzzle: say how to zoom, for a moment.
function hint(s) {
    if (!s.hint) {
        s.hint = label(/Mac|iPhone|iPad/.test(navigator.platform) ? 'Hold ⌘ and turn the wheel to zoom' : 'Hold Ctrl and turn the wheel to zoom', 'tl-wheel-hint');
        s.hint.setAttribute('aria-hidden', 'true');
        s.element.appendChild(s.hint);
    }
    s.hint.classList.add('tl-shown');
    clearTimeout(s.hintTimer);
    s.hintTimer = setTimeout(() => s.hint?.classList.remove('tl-shown'), 1500);
}

// ---- Keyboard ----

function onKey(s, e) {
    // Keys in the lane names' column scroll it (see lanePanel).
    if (e.ctrlKey || e.altKey || e.metaKey || e.target !== s.element) return;
    const keys = {
        ArrowRight: () => (e.shiftKey ? move(s.id, 0.5) : step(s, 1)),
        ArrowLeft: () => (e.shiftKey ? move(s.id, -0.5) : step(s, -1)),
        ArrowDown: () => lane(s, 1),
        ArrowUp: () => lane(s, -1),
        PageDown: () => move(s.id, 0.5),
        PageUp: () => move(s.id, -0.5),
        '+': () => zoomAt(s, 0.5, focusTime(s)),
        '=': () => zoomAt(s, 0.5, focusTime(s)),
        '-': () => zoomAt(s, 2, focusTime(s)),
        Home: () => s.dotnet.invokeMethodAsync('OnFitAll'),
        Enter: () => open(s),
        ' ': () => open(s),
        Escape: () => s.dotnet.invokeMethodAsync('OnEscape'),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    s.element.classList.add('tl-keyboard');
    action();
}

function current(s) {
    return s.active ? s.items.get(s.active) : null;
}

// The items of each lane that has any, lanes in their order and items in time order.
function laneItems(s) {
    const byLane = new Map(s.groups.get({ order: 'order' }).map((g) => [g.id, []]));
    s.items.forEach((item) => byLane.get(item.group)?.push(item));
    const end = (i) => (i.end ?? i.start).valueOf();
    for (const list of byLane.values()) list.sort((a, b) => a.start - b.start || end(a) - end(b) || (a.id < b.id ? -1 : 1));
    return [...byLane.values()].filter((list) => list.length > 0);
}

// Where the keyboard starts: the event open in the panel, else the first item of the first lane.
function firstKey(s) {
    const all = laneItems(s);
    return all.flat().find((i) => s.selected !== null && i.eventId === s.selected)?.id ?? all[0]?.[0]?.id ?? null;
}

// The item nearest a time: one that spans it (a bar's period, a range) before one that merely starts near it.
function nearest(list, time, onOrAfter) {
    if (onOrAfter) {
        const next = list.find((i) => i.start.valueOf() >= time);
        if (next) return next;
    }
    const distance = (i) => Math.max(0, i.start.valueOf() - time, time - (i.end ?? i.start).valueOf());
    return list.reduce((best, i) => (distance(i) < distance(best) ? i : best), list[0]);
}

// Left and right walk a lane in time; past either end of what is loaded, the view moves on by half its width and
// the walk continues with the events that brings.
function step(s, direction) {
    const item = current(s);
    if (!item) {
        setActive(s, firstKey(s), true);
        return;
    }
    const list = laneItems(s).find((l) => l[0].group === item.group);
    const next = list[list.findIndex((i) => i.id === item.id) + direction];
    if (next) setActive(s, next.id, true);
    else move(s.id, direction * 0.5);
}

// Up and down go to the neighbouring lane, to the item nearest in time.
function lane(s, direction) {
    const item = current(s);
    const all = laneItems(s);
    if (!item) {
        setActive(s, firstKey(s), true);
        return;
    }
    const target = all[all.findIndex((l) => l[0].group === item.group) + direction];
    if (target) setActive(s, nearest(target, item.start.valueOf(), false).id, true);
}

function open(s) {
    const item = current(s);
    if (!item) return;
    if (item.bucket) zoomInto(s, item);
    else if (item.loose !== undefined) s.dotnet.invokeMethodAsync('OnLoose', ...item.loose);
    else s.dotnet.invokeMethodAsync('OnSelect', item.eventId, true);
}

// A bar opens its period; the keyboard goes on at the first event of the bar's lane in it.
function zoomInto(s, bar) {
    s.last = { group: bar.group, time: bar.start.valueOf(), onOrAfter: true };
    glide(s, bar.start.valueOf(), bar.end.valueOf());
}

function focusTime(s) {
    const item = current(s);
    const w = s.timeline.getWindow();
    return item ? Math.min(w.end.valueOf(), Math.max(w.start.valueOf(), item.start.valueOf())) : (w.start.valueOf() + w.end.valueOf()) / 2;
}

// Zooms keeping the time `at` where it is on screen.
function zoomAt(s, factor, at) {
    const w = s.timeline.getWindow();
    shift(s, at - (at - w.start) * factor, at + (w.end - at) * factor);
}

// A step of a Ctrl + wheel zoom, a sideways swipe or a + or − key: the view moves at once, and what it then shows is
// asked for a moment later, so that the steps of one turn of the wheel make one request. vis itself reports such a
// move only 200 ms after its last step (its rangechanged, which then finds the window already asked for).
function shift(s, start, end) {
    s.timeline.setWindow(new Date(start), new Date(end), { animation: false });
    const w = s.timeline.getWindow();
    ask(s, w.start.valueOf(), w.end.valueOf(), GATHER);
}

function setActive(s, key, show) {
    const updates = [];
    const previous = current(s);
    if (previous) updates.push({ id: previous.id, className: previous.baseClass });
    const item = key ? s.items.get(key) : null;
    s.active = item ? item.id : null;
    if (item) {
        updates.push({ id: item.id, className: `${item.baseClass} tl-active` });
        s.last = { group: item.group, time: item.start.valueOf(), onOrAfter: false };
        if (show) {
            s.reveal = true;
            const w = s.timeline.getWindow();
            if ((item.end ?? item.start) < w.start || item.start > w.end) s.timeline.moveTo(item.start);
        }
    }
    if (updates.length) s.items.update(updates);
    announce(s);
}

// Scrolls the lanes so the current item is in view. vis offers this only with a move in time (focus()), so this
// uses the geometry vis keeps on its items and groups, as its own focus() does (vis-timeline 8.5, package-lock.json).
function reveal(s) {
    s.reveal = false;
    const item = s.active && s.timeline.itemSet.items[s.active];
    const group = item?.parent;
    if (!group) return;
    const view = s.timeline.props.centerContainer.height;
    const scrolled = -s.timeline._getScrollTop();
    let top = group.top;
    let bottom = group.top + group.height;
    if (bottom - top > view && !s.items.get(s.active).bucket) {
        top += item.top;
        bottom = top + item.height;
    }
    const target = top < scrolled ? top : bottom > scrolled + view ? bottom - view : scrolled;
    if (target !== scrolled) {
        s.timeline._setScrollTop(-target);
        s.timeline._redraw();
    }
}

// The drawing area names the current item for assistive technology once vis has drawn it.
function announce(s) {
    const box = s.active && document.getElementById(itemId(s, s.active));
    if (box && s.element.contains(box)) s.element.setAttribute('aria-activedescendant', box.id);
    else s.element.removeAttribute('aria-activedescendant');
}

function itemId(s, key) {
    return `tl${s.id}-${key}`;
}

// A bar's count is drawn only where it fits whole, with room to spare; the bar's name and tooltip always say it. Widths
// change with every step of a zoom, so this runs after each redraw: all widths are read first, then classes set.
// (CSS container queries on the bars did this without script, but Chromium now and then left them on a stale width.)
function fitCounts(s) {
    if (!s.counts.length) return;
    const w = s.timeline.getWindow();
    const perMs = s.timeline.dom.centerContainer.clientWidth / (w.end - w.start);
    const fits = s.counts.map((c) => c.ms * perMs >= c.span.offsetWidth + 6);
    s.counts.forEach((c, i) => c.span.classList.toggle('tl-clipped', !fits[i]));
}

// ---- Data ----

// The server's window of [from, to] (ISO days), kept for when the view comes back there, and drawn unless the view has
// moved on meanwhile ("Fit all" from a week still loading drew the week over the whole span).
export function setData(id, lanes, events, buckets, loose, from, to) {
    const s = timelines.get(id);
    if (!s) return;
    keep(s, from, to, { lanes, events, buckets, loose: loose ?? [] });
    const [first, last] = days(s.shown.start, s.shown.end);
    // A window for where the view no longer is (it moved while this was on its way) is kept, not drawn: the view waits
    // for its own, asked for already, or asks for it now (drawn at once if the browser has it). Drawing it showed another
    // range's events in the view, until the view's own came if one was coming.
    if (from && (first !== from || last !== to)) {
        if (!s.awaitingData) ask(s, s.shown.start, s.shown.end, 0);
        return;
    }
    draw(s, lanes, events, buckets, loose ?? []);
}

// Keeps a window of the server's, unless the region held answers its range anyway; the oldest drawn goes first.
function keep(s, from, to, w) {
    if (!from || slice(s.held, from, to)) return;
    const key = `${from}|${to}`;
    s.kept.delete(key);
    s.kept.set(key, w);
    if (s.kept.size > KEPT) s.kept.delete(s.kept.keys().next().value);
}

// Every event of a region, as setData's events, with the lanes they fall in; null lets go of what was held.
export function hold(id, held, cap) {
    const s = timelines.get(id);
    if (!s) return;
    s.held = held ? { ...held, cap } : null;
    // A new filter's region, or none while it comes: the windows kept were of the old filter.
    if (!held) s.kept.clear();
}

// A window fetched ahead (see fetchAhead) has arrived: kept, and drawn if the view is waiting for it.
export function ahead(id, from, to, lanes, events, buckets, loose) {
    const s = timelines.get(id);
    if (!s) return;
    keep(s, from, to, { lanes, events, buckets, loose: loose ?? [] });
    if (s.waiting === `${from}|${to}` && s.kept.has(s.waiting)) drawKnown(s, from, to, s.kept.get(s.waiting));
}

// What the server's window for [from, to] holds, from the region held: every event reaching into the range, as long as
// the range lies in the region and they are no more than the cap (TimelineHeld.Slice on the server, which this must
// match). ISO days compare as strings.
function slice(held, from, to) {
    if (!held || from < held.from || to > held.to) return null;
    const events = held.items.filter((e) => e.earliest <= to && e.latest >= from);
    if (new Set(events.map((e) => e.id)).size > held.cap) return null;
    const used = new Set(events.map((e) => e.lane));
    return { lanes: held.lanes.filter((l) => used.has(l.id)), events };
}

// The view shows [start, end] (ms) or is on its way there: what to draw there is drawn from the region held if it can
// be, else asked of the server, after `delay` ms.
function ask(s, start, end, delay) {
    s.shown = { start, end };
    const [from, to] = days(start, end);
    const key = `${from}|${to}`;
    clearTimeout(s.timer);
    s.waiting = null;
    s.peeked = null;
    const local = slice(s.held, from, to);
    if (local) {
        drawKnown(s, from, to, { lanes: local.lanes, events: local.events, buckets: [], loose: [] });
        return;
    }
    s.awaitingData = true;
    s.element.setAttribute('aria-busy', 'true');
    if (s.kept.has(key)) {
        drawKnown(s, from, to, s.kept.get(key));
        return;
    }
    // Fetched ahead and on its way (the end of a drag, most often): drawn when it comes, or asked for if it does not.
    if (s.fetching.has(key)) {
        s.waiting = key;
        return;
    }
    const send = () => {
        if (timelines.get(s.id) === s) s.dotnet.invokeMethodAsync('OnRangeChanged', from, to);
    };
    if (delay > 0) s.timer = setTimeout(send, delay); else send();
}

// Draws [from, to] from what the browser has (its region, or a window of the server's it kept). The address and the
// status line follow; a run of wheel turns tells the server once.
function drawKnown(s, from, to, w) {
    s.waiting = null;
    // Drawn again: the last to be let go (the circuit does the same when told, TimelineFeed.ShownAsync).
    if (s.kept.delete(`${from}|${to}`)) s.kept.set(`${from}|${to}`, w);
    draw(s, w.lanes, w.events, w.buckets, w.loose);
    clearTimeout(s.timer);
    s.timer = setTimeout(() => {
        if (timelines.get(s.id) === s) s.dotnet.invokeMethodAsync('OnRangeShown', from, to);
    }, 100);
}

// Asks the circuit for the window of [from, to] before the view goes there (it answers with `ahead`), unless the
// browser has it or it is on its way. Only for views the region held cannot answer: crowded or with bars.
function fetchAhead(s, from, to, peek) {
    const key = `${from}|${to}`;
    if (s.kept.has(key) || s.fetching.has(key) || slice(s.held, from, to)) return;
    s.fetching.add(key);
    s.fetcher.invokeMethodAsync('OnRangeAhead', from, to, peek)
        .catch(() => {})
        .finally(() => {
            if (timelines.get(s.id) !== s) return;
            s.fetching.delete(key);
            // The circuit had nothing to send (a load overtook it, the filter changed): the view asks as usual.
            if (s.waiting === key) {
                s.waiting = null;
                s.dotnet.invokeMethodAsync('OnRangeChanged', from, to);
            }
        });
}

// The range under a dragging pointer, fetched ahead each time it changes by a day: the circuit works only on the latest,
// so the range the drag ends on is on its way as soon as the pointer reaches it. (Sending at most every 50 ms instead
// left a quick drag's last range unasked until after the pointer let go.)
function peek(s, start, end) {
    const [from, to] = days(start, end);
    const key = `${from}|${to}`;
    if (key === s.peeked) return;
    s.peeked = key;
    fetchAhead(s, from, to, true);
}

// After a crowded view or one of bars is drawn, the two windows a step back or forward (the toolbar's arrows, Page Up and
// Page Down) would show are fetched ahead.
function neighbours(s) {
    const here = days(s.shown.start, s.shown.end).join('|');
    for (const fraction of [0.5, -0.5]) {
        const [start, end] = stepped(s, fraction);
        const [from, to] = days(start, end);
        if (`${from}|${to}` !== here) fetchAhead(s, from, to, false);
    }
}

// `move`, if given, moves the view while the items are being replaced (see show).
function draw(s, lanes, events, buckets, loose, move) {
    mark('tl:data');
    const id = s.id;
    s.element.setAttribute('aria-busy', 'true');
    // Update in place rather than clear and re-add: items that stay keep their DOM, so a click or a
    // selection in progress is not lost when the same range is reloaded.
    replace(s.groups, lanes.map((l, i) => ({ id: l.id, content: label(l.label, 'tl-lane'), order: i })));
    const max = buckets.reduce((m, b) => Math.max(m, b.count), 1);
    const height = (b) => Math.round(18 + 42 * b.count / max);
    const tallest = new Map();
    for (const b of buckets) tallest.set(b.lane, Math.max(tallest.get(b.lane) ?? 0, height(b)));
    // Density bars sit side by side; events stack so none hides another.
    s.timeline.setOptions({ stack: buckets.length === 0 });
    const counts = [];
    const next = events.map((e) => {
        const key = e.key;
        const range = e.earliest !== e.latest;
        const classes = ['tl-item', `tl-kind-${e.kind}`, `tl-status-${e.status}`];
        if (e.uncertain) classes.push('tl-uncertain');
        if (e.disputed) classes.push('tl-disputed');
        // The named element holds the title itself: one element fewer per event for the browser to style and lay out
        // on every redraw (vis draws ~500 events at a week's zoom at 1M).
        const content = named(s, key, e.name);
        content.classList.add('tl-item-title');
        if (e.disputed) content.append(label('⚑ ', 'tl-disputed-mark'));
        content.append(e.title);
        return {
            id: key, eventId: e.id, group: e.lane, content, baseClass: classes.join(' '),
            sig: [e.id, e.lane, e.earliest, e.latest, e.name, e.title].join('\n'),
            start: toDate(e.earliest), end: range ? new Date(toDate(e.latest).getTime() + DAY) : undefined,
            type: range ? 'range' : 'point', title: label(e.name, 'tl-tip'),
        };
    }).concat(buckets.map((b) => {
        const key = `b-${b.lane}-${b.start}`;
        const content = named(s, key, b.name);
        const count = label(COUNT.format(b.count), 'tl-bar-count tl-clipped');
        content.append(count);
        const start = toDate(b.start);
        const end = new Date(toDate(b.end).getTime() + DAY);
        counts.push({ span: count, ms: end - start });
        return {
            id: key, bucket: true, group: b.lane, content, sig: [b.lane, b.start, b.end, b.count, b.name].join('\n'),
            start, end, type: 'range',
            baseClass: `tl-bucket tl-d${Math.max(1, Math.ceil(5 * b.count / max))}`,
            // Tall enough for the count at the smallest, so it is never cut. Bars stand on their lane's baseline: the
            // margin pushes a shorter bar down, and vis measures heights without it, so lanes grow no taller. (vis's
            // own bottom alignment would open the view scrolled to its last lane.)
            style: `height: ${height(b)}px; margin-top: ${tallest.get(b.lane) - height(b)}px`,
            title: label(b.name, 'tl-tip'),
        };
    })).concat(loose.map((l) => {
        // A lane's count of the events dated too loosely to place in this view: a band over their month, year or span,
        // whose text vis keeps in view at the left edge.
        const key = `l-${l.lane}-${l.period}-${l.start}`;
        const content = named(s, key, l.name);
        content.append(l.text);
        return {
            // Chosen, the band lists its events by its own period (not by its place in the circuit's window, which may
            // be another window's until the browser's report of this one arrives).
            id: key, loose: [l.start, l.end], group: l.lane, content, baseClass: 'tl-loose',
            sig: [l.lane, l.period, l.start, l.end, l.text, l.name].join('\n'),
            start: toDate(l.start), end: new Date(toDate(l.end).getTime() + DAY), type: 'range',
            title: label(l.name, 'tl-tip'),
        };
    }));
    // The keyboard keeps its item if it is still there, else goes to the nearest one where it was.
    let active = s.active && next.find((i) => i.id === s.active);
    if (!active && s.last && document.activeElement === s.element) {
        const same = next.filter((i) => i.group === s.last.group);
        const pool = same.length ? same : [...next];
        if (pool.length) active = nearest(pool.sort((a, b) => a.start - b.start), s.last.time, s.last.onOrAfter);
        s.reveal = !!active;
    }
    s.active = active ? active.id : null;
    for (const item of next) item.className = item.id === s.active ? `${item.baseClass} tl-active` : item.baseClass;
    s.counts = counts;
    replaceItems(s, next, move);
    if (s.active) s.last = { group: active.group, time: active.start.valueOf(), onOrAfter: false };
    // Drawn once vis has redrawn after this (the redraws above, of options and items, come before it has measured
    // what it draws): its next 'changed' says so, or the frame after next if nothing was left to redraw.
    s.awaitingData = false;
    // The neighbours are fetched once this is drawn: their queries then never compete with drawing it (the browser and
    // the server share the machine's cores in the benchmark, as on a laptop).
    const ahead = buckets.length > 0 || loose.length > 0;
    requestAnimationFrame(() => requestAnimationFrame(() => {
        if (timelines.get(id) !== s) return;
        if (drawn(s)) s.element.setAttribute('aria-busy', 'false');
        if (ahead) neighbours(s);
    }));
}

// An element for an item's content that assistive technology knows by name (aria-activedescendant points at it).
function named(s, key, name) {
    const span = document.createElement('span');
    span.id = itemId(s, key);
    span.className = 'tl-named';
    span.setAttribute('role', 'button');
    span.setAttribute('aria-label', name);
    return span;
}

// vis-timeline draws and measures each item the moment it is added, and with the theme's :has() rules every
// measurement restyles the whole page: a few hundred density bars froze the page for seconds. So the items change
// while vis's item layer is out of the document, and vis then draws them all afresh in its batched redraw, which
// measures them together. Only the items that are new or changed are given to vis: after a drag most of the window's
// items are still there, and drawing each afresh took vis 120-170 ms for 230 items of a week of 1937 at 1M.
function replaceItems(s, items, move) {
    const itemSet = s.timeline.itemSet;
    const layer = itemSet.dom.frame;
    const parent = layer.parentNode;
    const after = layer.nextSibling;
    parent.removeChild(layer);
    let changed;
    try {
        changed = replace(s.items, items, sameItem);
        move?.();
    } finally {
        parent.insertBefore(layer, after);
    }
    // What was measured out of the document measured nothing: draw those items again, measuring them this time. The
    // items that stayed keep what vis measured of them in the document.
    for (const key of changed) {
        const item = itemSet.items[key];
        if (!item) continue;
        item.hide();
        item.dirty = true;
    }
    itemSet.markDirty({ restackGroups: true });
    s.timeline.redraw();
}

// Replaces a DataSet's rows by `items`, passing on only those for which `same` (if given) finds no equal row; returns
// the ids passed on.
function replace(dataSet, items, same) {
    const keep = new Set(items.map((i) => i.id));
    dataSet.remove(dataSet.getIds({ filter: (i) => !keep.has(i.id) }));
    const changed = same ? items.filter((i) => !same(dataSet.get(i.id), i)) : items;
    dataSet.update(changed);
    return changed.map((i) => i.id);
}

// An item drawn from the same data (`sig`), with the same class and style, is drawn as it was.
const sameItem = (old, item) => !!old && old.sig === item.sig && old.className === item.className && old.style === item.style;

// ---- Commands from the toolbar and the page ----

// Zooms around the middle of the view: 0.5 halves the window, 2 doubles it.
export function zoom(id, factor) {
    const s = timelines.get(id);
    if (!s) return;
    const w = s.timeline.getWindow();
    const [middle, half] = [(w.start.valueOf() + w.end.valueOf()) / 2, (w.end - w.start) * factor / 2];
    glide(s, middle - half, middle + half);
}

export function move(id, fraction) {
    const s = timelines.get(id);
    if (s) glide(s, ...stepped(s, fraction));
}

// The window a step by `fraction` of the view's width goes to: from the window the view is at or on its way to, so that
// steps taken during a glide add up, and neighbours (fetched ahead) are the very windows the steps ask for.
function stepped(s, fraction) {
    const shift = (s.shown.end - s.shown.start) * fraction;
    return within(s.shown.start + shift, s.shown.end + shift);
}

// A move of the user's whose end is known (a button, a key, a bar): what is drawn there is asked for as it begins, so it
// arrives while the view glides instead of after the glide (500 ms) and a wait.
function glide(s, start, end) {
    [start, end] = within(start, end);
    ask(s, start, end, 0);
    s.timeline.setWindow(new Date(start), new Date(end), { animation: GLIDE }, () => mark('tl:moved'));
}

// A window as vis will take it: no narrower than a week, inside the bounds (so its report at the end of the move matches).
function within(start, end) {
    const span = Math.min(WIDEST, Math.max(NARROWEST, end - start));
    const middle = (start + end) / 2;
    const from = Math.min(MAX - span, Math.max(MIN, middle - span / 2));
    return [from, from + span];
}

// The server moved the view (back and forward, a link, the histogram, "Fit all") and sends what is drawn where it goes:
// the view jumps there, or glides, drawn already. The items change and the view moves while vis's item layer is out of
// the document (see replaceItems), so vis lays the new items out once, in the new window, not first in the old one.
export function show(id, start, end, animate, lanes, events, buckets, loose) {
    const s = timelines.get(id);
    if (!s) return;
    const [from, to] = [toDate(start).valueOf(), toDate(end).valueOf()];
    const [a, b] = within(from, to);
    s.shown = { start: a, end: b };
    clearTimeout(s.timer);
    s.waiting = null;
    // Kept when the view goes to the very range it is for (see below).
    if (days(a, b).join('|') === `${start}|${end}`) keep(s, start, end, { lanes, events, buckets, loose: loose ?? [] });
    draw(s, lanes, events, buckets, loose ?? [],
        () => s.timeline.setWindow(new Date(a), new Date(b), { animation: animate ? GLIDE : false }, () => mark('tl:moved')));
    // A range narrower than a week opens as a week: what that shows is asked for, as a move of the user's would be.
    if (Math.abs(a - from) >= DAY || Math.abs(b - to) >= DAY) ask(s, a, b, 0);
}

// "Fit all" when the browser has its window (kept, or in the region held): the view glides there and draws it, and the
// circuit hears of it as of any range drawn here. False: the circuit sends it.
export function fit(id, from, to) {
    const s = timelines.get(id);
    if (!s) return true;
    const [a, b] = within(toDate(from).valueOf(), toDate(to).valueOf());
    const [first, last] = days(a, b);
    if (!s.kept.has(`${first}|${last}`) && !slice(s.held, first, last)) return false;
    glide(s, a, b);
    return true;
}

export function select(id, eventId) {
    const s = timelines.get(id);
    if (!s) return;
    s.selected = eventId;
    const ids = eventId === null ? [] : s.items.getIds({ filter: (i) => i.eventId === eventId });
    s.timeline.setSelection(ids);
}

// After the evidence panel closes: the keyboard is back on the timeline, at the event it had open.
export function focusEvent(id, eventId) {
    const s = timelines.get(id);
    if (!s) return;
    const item = current(s)?.eventId === eventId ? current(s) : s.items.get({ filter: (i) => i.eventId === eventId })[0];
    if (item) setActive(s, item.id, true);
    s.element.classList.add('tl-keyboard');
    s.element.focus();
}

export function dispose(id) {
    const s = timelines.get(id);
    if (!s) return;
    timelines.delete(id);
    clearTimeout(s.timer);
    clearTimeout(s.hintTimer);
    s.observer?.disconnect();
    for (const remove of s.listeners) remove();
    s.timeline.destroy();
    s.items.clear();
    s.groups.clear();
    s.hint?.remove();
    s.element.removeAttribute('aria-activedescendant');
    // Nothing here may keep the circuit's object reference or the page's elements alive.
    for (const key of Object.keys(s)) s[key] = null;
}
