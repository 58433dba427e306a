using Timeline.Domain.Dates;
using Timeline.Domain.Queries;

namespace Timeline.Tests.Domain;

/// <summary>Two reads of the same person are equal records (the person pickers key their options by them).</summary>
public class PersonViewTests
{
    private static PersonView Read(string variant = "Bliumkin", string? note = "as in the OGPU file") =>
        new(7, "blumkin", "Yakov Blumkin", ["Блюмкин", variant], HistoricalDate.Create(1900), HistoricalDate.Create(1929, 11, 3),
            "OGPU officer", 12, note is null ? null : new Dictionary<string, string> { [variant] = note });

    [Fact]
    public void Two_reads_of_the_same_person_are_equal_with_equal_hashes()
    {
        var (a, b) = (Read(), Read());

        Assert.NotSame(a.Variants, b.Variants);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void A_different_spelling_note_or_count_makes_another_person_view()
    {
        Assert.NotEqual(Read(), Read(variant: "Blumkine"));
        Assert.NotEqual(Read(), Read(note: "a misprint"));
        Assert.NotEqual(Read(), Read(note: null));
        Assert.NotEqual(Read(), Read() with { EventCount = 13 });
        Assert.NotEqual(Read(), Read() with { Born = null });
    }
}
