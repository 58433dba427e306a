using Timeline.Domain.Dates;

namespace Timeline.Domain.Model;

public sealed class Person : Entity
{
    public string? Key { get; set; }
    public string Name { get; set; } = "";
    public HistoricalDate? Born { get; set; }
    public HistoricalDate? Died { get; set; }

    /// <summary>What loose life dates rest on ("the notes give 1894 and 1896").</summary>
    public string? LifeDatesNote { get; set; }

    public string? Description { get; set; }

    /// <summary>Every name the person is found under, the display name first; see <see cref="PersonName"/>.</summary>
    public List<PersonName> Names { get; set; } = [];

    public List<Participation> Participations { get; set; } = [];

    /// <summary>
    /// How many live events the person takes part in: derived data, recounted by the store after every save and
    /// import (<see cref="Data.PersonEventCounts"/>); what is set here is overwritten.
    /// </summary>
    public int EventCount { get; set; }
}

/// <summary>
/// One spelling of a person's name (display name, transliteration, Cyrillic), with its folded search key
/// so that Miasnikov, Myasnikov, Mjasnikov and Мясников all meet.
/// </summary>
public sealed class PersonName
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public string Name { get; set; } = "";
    public string Folded { get; set; } = "";
    public bool IsPrimary { get; set; }

    /// <summary>An editorial remark on this spelling ("misprint in Davies"); shown beside it, never searched.</summary>
    public string? Note { get; set; }

    /// <summary>The words of <see cref="Folded"/>, each findable by its prefix (person search: "miasnikov gavriil").</summary>
    public List<PersonNameWord> Words { get; set; } = [];
}

/// <summary>One word of a folded name. The folded name's own index finds names by their start; this finds them by any word.</summary>
public sealed class PersonNameWord
{
    public int Id { get; set; }
    public int PersonNameId { get; set; }
    public string Word { get; set; } = "";
}

/// <summary>A person's part in an event. Defendants also carry their charge, verdict and sentence.</summary>
public sealed class Participation
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public ParticipantRole Role { get; set; }
    public string? Outcome { get; set; }
    public string? Charge { get; set; }
    public string? Verdict { get; set; }
    public string? Sentence { get; set; }

    /// <summary>Order within the event, as the source lists them.</summary>
    public int Position { get; set; }
}
