// The year histogram (YearHistogram.razor) is drawn from the server; this module does what the server cannot do in
// time.
export function init(svg) {
    // A chart removed before this call arrives (its page left at once, as List then Back does) comes as null: throwing
    // reached the page's error boundary, which then showed "This page could not be shown" in place of the next page.
    if (!svg) return;
    // A touch or pen pointer is captured by the bar it first touches, so the bars it then crosses would never hear
    // of it: let go of that capture, and a drag across bars works as it does with a mouse.
    svg.addEventListener('pointerdown', e => {
        if (e.target.hasPointerCapture && e.target.hasPointerCapture(e.pointerId)) e.target.releasePointerCapture(e.pointerId);
    });
    svg.addEventListener('keydown', e => {
        if (e.ctrlKey || e.altKey || e.metaKey) return;
        // The keys the bars answer to must not also scroll the page (Space, the arrows, Home and End).
        if ([' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) e.preventDefault();
        // The arrows, Home and End move the focus and the one tab stop among the bars here, before the next key can
        // come: moved by the server, the focus trailed two presses sent back to back and was left on a wrong bar (2
        // of 5 full runs). The server follows the bars' focus events, and reads Shift and the arrows itself for the
        // years they choose.
        const bars = [...svg.querySelectorAll('[role=button]')];
        const from = bars.indexOf(e.target);
        const to = { ArrowLeft: from - 1, ArrowRight: from + 1, Home: 0, End: bars.length - 1 }[e.key];
        if (from < 0 || to === undefined || to < 0 || to >= bars.length || to === from) return;
        for (const bar of bars) bar.tabIndex = bar === bars[to] ? 0 : -1;
        bars[to].focus();
    });
}
