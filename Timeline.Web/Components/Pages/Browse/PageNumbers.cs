namespace Timeline.Web.Components.Pages.Browse;

/// <summary>The page numbers a pager shows: the first and last, and a few either side of the current one.</summary>
public static class PageNumbers
{
    /// <summary>
    /// Page numbers in order, null where a gap of pages is left out. A gap of a single page shows that page instead
    /// (an ellipsis standing for one number saves nothing), so the count of entries stays steady while paging.
    /// </summary>
    public static IReadOnlyList<int?> Of(int page, int pages, int around = 2)
    {
        if (pages <= 0) return [];
        page = Math.Clamp(page, 1, pages);
        var shown = Enumerable.Range(1, pages)
            .Where(n => n == 1 || n == pages || Math.Abs(n - page) <= around
                || (n == 2 && page - around == 3) || (n == pages - 1 && page + around == pages - 2))
            .ToList();
        var result = new List<int?>(shown.Count + 2);
        for (var i = 0; i < shown.Count; i++)
        {
            if (i > 0 && shown[i] - shown[i - 1] > 1) result.Add(null);
            result.Add(shown[i]);
        }
        return result;
    }
}
