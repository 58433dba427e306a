// The year histogram (YearHistogram.razor) is drawn and driven from the server; this module does the two things the
// server cannot do in time.
export function init(svg) {
    // A touch or pen pointer is captured by the bar it first touches, so the bars it then crosses would never hear
    // of it: let go of that capture, and a drag across bars works as it does with a mouse.
    svg.addEventListener('pointerdown', e => {
        if (e.target.hasPointerCapture && e.target.hasPointerCapture(e.pointerId)) e.target.releasePointerCapture(e.pointerId);
    });
    // The keys the bars answer to must not also scroll the page (Space, the arrows, Home and End).
    svg.addEventListener('keydown', e => {
        if ([' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) e.preventDefault();
    });
}
