using Timeline.Domain.Dates;
using Timeline.Domain.Text;

namespace Timeline.Domain.Model;

/// <summary>Something that happened, dated (often uncertainly) and attested by evidence.</summary>
public sealed class Event : Entity
{
    private HistoricalDate _start = HistoricalDate.Create(1900);
    private HistoricalDate? _end;
    private string _title = "";

    /// <summary>A stable external id (seed and import files); null for records created in the app.</summary>
    public string? Key { get; set; }

    public EventKind Kind { get; set; }
    public string Title
    {
        get => _title;
        set { _title = value; SortTitle = TitleSorting.Key(value); }
    }

    /// <summary>What titles are ordered by: the title as <see cref="TitleSorting.Key"/> gives it ("'Bloc' of…" under B).</summary>
    public string SortTitle { get; private set; } = "";
    public string Summary { get; set; } = "";
    public string? Place { get; set; }
    public ClaimStatus ClaimStatus { get; set; }

    public HistoricalDate Start
    {
        get => _start;
        set { _start = value; UpdateBounds(); }
    }

    public HistoricalDate? End
    {
        get => _end;
        set { _end = value; UpdateBounds(); }
    }

    /// <summary>Earliest possible Gregorian day, as <see cref="DateOnly.DayNumber"/>: indexed for windows.</summary>
    public int EarliestDay { get; private set; }

    /// <summary>Latest possible Gregorian day of the start or, for ranges, of the end.</summary>
    public int LatestDay { get; private set; }

    /// <summary>Chronological order.</summary>
    public int SortDay { get; private set; }

    /// <summary>Year × 12 + month − 1 of <see cref="SortDay"/>: lets SQL group by month, quarter, year or decade.</summary>
    public int SortMonth { get; private set; }

    /// <summary>
    /// The bit length of <c>LatestDay − EarliestDay</c>: the span is under 2^SpanClass days. Overlap queries
    /// search each class only from <c>start − 2^class</c>, so they read index ranges instead of everything
    /// that started earlier (docs/performance.md).
    /// </summary>
    public int SpanClass { get; private set; }

    /// <summary>
    /// What the date rests on when no date claim cites a source for it ("the passage gives no year; the section
    /// covers 1926–27"). The seed requires it, with a qualified date, for every event without a date claim.
    /// </summary>
    public string? DateNote { get; set; }

    // Kind details. Flat columns: each kind has few, and one row per event keeps windows cheap.
    public string? Court { get; set; }

    /// <summary>How many defendants a source counts without naming them (the 53 engineers of the Shakhty trial).</summary>
    public int? UnnamedDefendants { get; set; }

    /// <summary>Who the unnamed defendants were and what the sources say of them; a trial without named defendants needs it.</summary>
    public string? DefendantsNote { get; set; }

    public string? ArrestAgency { get; set; }
    public string? ArrestPlace { get; set; }
    public string? ArrestCharge { get; set; }
    public ExpulsionScope? ExpelledFrom { get; set; }
    public string? ExpelledFromOrganisation { get; set; }
    public string? ExpellingBody { get; set; }
    public string? ExpulsionReason { get; set; }

    public List<Participation> Participants { get; set; } = [];
    public List<EvidenceLink> Evidence { get; set; } = [];
    public List<DateClaim> DateClaims { get; set; } = [];

    public DateOnly Earliest => DateOnly.FromDayNumber(EarliestDay);
    public DateOnly Latest => DateOnly.FromDayNumber(LatestDay);

    /// <summary>"15 Oct 1929", or "19 Aug 1936 – 24 Aug 1936" for a range.</summary>
    public string DateDisplay => DateText.Display(Start, End);

    public static int MonthIndex(DateOnly d) => d.Year * 12 + d.Month - 1;

    private void UpdateBounds()
    {
        EarliestDay = _start.Earliest.DayNumber;
        SortDay = _start.SortKey.DayNumber;
        SortMonth = MonthIndex(_start.SortKey);
        LatestDay = Math.Max(_start.Latest.DayNumber, _end?.Latest.DayNumber ?? 0);
        SpanClass = SpanClassOf(LatestDay - EarliestDay);
    }

    /// <summary>The smallest c with span &lt; 2^c.</summary>
    public static int SpanClassOf(int spanDays) => spanDays <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)spanDays);

    /// <summary>Day numbers stay under 3.7 million (year 9999), below 2^22, so every possible span has a class.</summary>
    public const int MaxSpanClass = 22;
}
