using Timeline.Domain.Dates;

namespace Timeline.Domain.Model;

/// <summary>A document or publication that evidence points into.</summary>
public sealed class Source : Entity
{
    public string? Key { get; set; }
    public string Title { get; set; } = "";
    public string? Author { get; set; }
    public SourceKind Kind { get; set; }
    public HistoricalDate? Date { get; set; }
    public string? Language { get; set; }
    public string? Url { get; set; }

    /// <summary>Where it was published: publisher, place, journal, pages.</summary>
    public string? Publication { get; set; }

    public string? Description { get; set; }

    // The archival reference, field by field (see ArchivalReference for the formatted form).
    public string? ArchiveName { get; set; }
    public string? Fond { get; set; }
    public string? Opis { get; set; }
    public string? Delo { get; set; }
    public string? Volume { get; set; }
    public string? Pages { get; set; }

    public List<EvidenceLink> Evidence { get; set; } = [];

    public ArchivalReference? Archive
    {
        get => ArchiveName is null ? null : new ArchivalReference(ArchiveName, Fond, Opis, Delo, Volume, Pages);
        set
        {
            ArchiveName = value?.Archive;
            Fond = value?.Fond;
            Opis = value?.Opis;
            Delo = value?.Delo;
            Volume = value?.Volume;
            Pages = value?.Pages;
        }
    }
}

/// <summary>A link from an event to the place in a source that attests (or contradicts) it.</summary>
public sealed class EvidenceLink : Entity
{
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int SourceId { get; set; }
    public Source? Source { get; set; }

    /// <summary>Page, folio, section or archival reference within the source.</summary>
    public string Locator { get; set; } = "";

    public Stance Stance { get; set; }
    public string? Note { get; set; }

    /// <summary>When this piece of evidence dates from, if not the source's own date.</summary>
    public HistoricalDate? EvidenceDate { get; set; }
}

/// <summary>One source's answer to "when?", kept when sources disagree. One claim per event is preferred.</summary>
public sealed class DateClaim
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int EvidenceLinkId { get; set; }
    public EvidenceLink? Evidence { get; set; }
    public HistoricalDate Start { get; set; } = HistoricalDate.Create(1900);
    public HistoricalDate? End { get; set; }
    public bool IsPreferred { get; set; }
    public string? Note { get; set; }
}
