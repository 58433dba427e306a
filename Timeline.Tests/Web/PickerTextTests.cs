using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Web.Forms;

namespace Timeline.Tests.Web;

public class PickerTextTests
{
    private static PersonView Person(string name, HistoricalDate? born = null, HistoricalDate? died = null, string? description = null, int events = 0) =>
        new(1, null, name, [], born, died, description, events);

    [Fact]
    public void Namesakes_are_told_apart_by_life_dates_description_and_events()
    {
        var writer = Person("Alexander Zinoviev", HistoricalDate.Create(1922), HistoricalDate.Create(2006), "Logician and satirist, exiled in 1978", 1);
        var leader = Person("Grigory Zinoviev", HistoricalDate.Create(1883), HistoricalDate.Create(1936, 8, 25), "Head of the Comintern", 112);

        Assert.Equal("1922 – 2006 · Logician and satirist, exiled in 1978 · 1 event", PickerText.Of(writer));
        Assert.Equal("1883 – 25 Aug 1936 · Head of the Comintern · 112 events", PickerText.Of(leader));
    }

    [Fact]
    public void A_person_known_only_by_name_has_nothing_beside_it_and_an_unknown_end_of_life_is_a_question_mark()
    {
        Assert.Null(PickerText.Of(Person("Afanasenko")));
        Assert.Equal("c. 1895 – ?", PickerText.Of(Person("Sergei Tiunov", HistoricalDate.Create(1895, qualifier: DateQualifier.Circa))));
    }

    [Fact]
    public void A_long_description_is_cut_at_a_word_with_an_ellipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("Worker Bolshevik,", 12));

        var cut = PickerText.Cut(text)!;

        Assert.True(cut.Length <= PickerText.DescriptionLength + 1, cut);
        Assert.EndsWith("Bolshevik…", cut, StringComparison.Ordinal);
        Assert.Equal("Short enough.", PickerText.Cut("  Short enough. "));
    }

    [Fact]
    public void A_source_shows_author_date_archive_and_citations()
    {
        var source = new SourceView(7, null, "Memorandum of Ya. S. Agranov", "Ya. S. Agranov", SourceKind.ArchivalDocument, HistoricalDate.Create(1929, 10, 21),
            null, null, null, null, new ArchivalReference("RGASPI", "17", "171", "136", null, "94-126"), 2);

        Assert.Equal("Ya. S. Agranov · 21 Oct 1929 · RGASPI f. 17 op. 171 d. 136 l. 94-126 · 2 citations", PickerText.Of(source));
    }

    [Fact]
    public void A_chosen_person_or_source_of_a_loaded_form_reads_as_it_would_in_a_search()
    {
        var person = new Person { Id = 3, Name = "Gavriil Miasnikov", Born = HistoricalDate.Create(1889), Died = HistoricalDate.Create(1945, 11, 16) };
        var source = new Source { Id = 4, Title = "Protocol", Author = "Politburo", Archive = new ArchivalReference("RGASPI", "17", "3", "1", null, null) };

        Assert.Equal("1889 – 16 Nov 1945", PickerText.Of(PickerText.View(person)));
        Assert.Equal((3, "Gavriil Miasnikov"), (PickerText.View(person).Id, PickerText.View(person).Name));
        Assert.Equal("Politburo · RGASPI f. 17 op. 3 d. 1", PickerText.Of(PickerText.View(source)));
    }
}
