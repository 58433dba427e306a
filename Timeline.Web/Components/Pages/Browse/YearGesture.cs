namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// A range of years being chosen on the histogram, by the pointer or the keyboard. Pressing on a year starts a drag
/// there; entering other years while pressed moves its far end; releasing ends it with the years between the two ends
/// (a click is a drag that never left its year). With the keyboard, Shift and an arrow extend the range from the year
/// that had the focus. Nothing is applied until the gesture ends.
/// </summary>
public sealed class YearGesture
{
    private int? _anchor;
    private int? _current;
    private bool _dragging;

    /// <summary>The years chosen so far, while a gesture is under way.</summary>
    public (int From, int To)? Pending => _anchor is { } a && _current is { } c ? (Math.Min(a, c), Math.Max(a, c)) : null;

    public bool Dragging => _dragging;

    public void Press(int year)
    {
        (_anchor, _current, _dragging) = (year, year, true);
    }

    /// <summary>The pointer moved onto a year; true when that changed the range.</summary>
    public bool Enter(int year)
    {
        if (!_dragging || _current == year) return false;
        _current = year;
        return true;
    }

    /// <summary>Extends the range with the keyboard: from the year first focused to the year now focused.</summary>
    public void Extend(int from, int to)
    {
        _anchor ??= from;
        _current = to;
    }

    /// <summary>Ends the gesture, returning the years it chose (none when none was under way).</summary>
    public (int From, int To)? End()
    {
        var chosen = Pending;
        Cancel();
        return chosen;
    }

    public void Cancel() => (_anchor, _current, _dragging) = (null, null, false);
}
