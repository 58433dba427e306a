using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Web.Components.Shared;

namespace Timeline.Web.Forms;

/// <summary>
/// What a person or source picker says of each candidate beside its name, so that two Zinovievs or two protocols of
/// the same day can be told apart: life dates, description and events for a person; author, date, archive for a source.
/// </summary>
public static class PickerText
{
    /// <summary>Descriptions are cut to this many characters, at a word, so an option stays one or two lines.</summary>
    public const int DescriptionLength = 90;

    /// <summary>"1889 – 16 Nov 1945 · Worker Bolshevik, leader of the Workers' Group · 93 events"; null for a bare name.</summary>
    public static string? Of(PersonView p) => Join(p.LifeDisplay, Cut(p.Description), p.EventCount > 0 ? Labels.Count(p.EventCount, "event") : null);

    /// <summary>"Ya. S. Agranov · 1937 · RGASPI f. 17 op. 171 d. 136 · 12 citations"; null for a bare title.</summary>
    public static string? Of(SourceView s) => Join(s.Author, s.Date?.Display, s.Archive?.ToString(),
        s.EvidenceCount > 0 ? Labels.Count(s.EvidenceCount, "citation") : null);

    /// <summary>A person as the form holds a chosen one (the id is what is saved); it has no event count.</summary>
    public static PersonView View(Person p) => new(p.Id, p.Key, p.Name, [], p.Born, p.Died, p.Description, 0);

    public static SourceView View(Source s) =>
        new(s.Id, s.Key, s.Title, s.Author, s.Kind, s.Date, s.Language, s.Url, s.Publication, s.Description, s.Archive, 0);

    public static string? Cut(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Length <= DescriptionLength) return text;
        var cut = text.LastIndexOf(' ', DescriptionLength);
        return text[..(cut > DescriptionLength / 2 ? cut : DescriptionLength)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(" · ", present);
    }
}
