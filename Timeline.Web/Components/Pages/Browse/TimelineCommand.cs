namespace Timeline.Web.Components.Pages.Browse;

/// <summary>What the timeline's toolbar asks the view to do.</summary>
public enum TimelineCommand
{
    ZoomIn,
    ZoomOut,
    Earlier,
    Later,
    FitAll,
}

/// <summary>An event chosen on the timeline; by keyboard, its evidence panel takes the focus.</summary>
public readonly record struct TimelineSelection(int EventId, bool ByKeyboard);
