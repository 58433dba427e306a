using Timeline.Domain.Search;
using Timeline.Web.Filtering;

namespace Timeline.Tests.Web;

public class HighlighterTests
{
    /// <summary>The text with each marked run in [brackets].</summary>
    private static string Marked(string text, string query) =>
        string.Concat(Highlighter.Split(text, TextSearch.HighlightWords(query)).Select(s => s.Marked ? $"[{s.Text}]" : s.Text));

    [Theory]
    [InlineData("OGPU arrests Blumkin in Moscow", "blum", "OGPU arrests [Blumkin] in Moscow")]
    [InlineData("OGPU arrests Blumkin in Moscow", "Блюмкин", "OGPU arrests [Blumkin] in Moscow")]
    [InlineData("Лев Троцкий выслан", "Trotskii", "Лев [Троцкий] выслан")]
    [InlineData("Лев Троцкий выслан", "троц", "Лев [Троцкий] выслан")]
    [InlineData("Gavriil Myasnikov and Miasnikova", "Мясников", "Gavriil [Myasnikov] and [Miasnikova]")]
    [InlineData("Élie Halévy on the Trotskyists", "halevy trotsk", "Élie [Halévy] on the [Trotskyists]")]
    [InlineData("\"Right-Left Bloc\" formed", "\"left bloc\"", "\"Right-[Left] [Bloc]\" formed")]
    public void Words_of_the_text_that_a_search_word_begins_are_marked_whole_in_any_script_or_spelling(string text, string query, string expected)
    {
        Assert.Equal(expected, Marked(text, query));
    }

    [Fact]
    public void A_word_inside_another_is_not_marked_and_text_without_a_match_comes_back_whole()
    {
        Assert.Equal("Kamenev and Zinoviev", Marked("Kamenev and Zinoviev", "nev"));
        Assert.Equal([("Kamenev", false)], Highlighter.Split("Kamenev", []));
        Assert.Equal("", Marked("", "Kamenev"));
    }

    [Fact]
    public void The_runs_put_together_give_back_the_text_exactly()
    {
        const string text = "  «Правда», 12 Oct 1929: Blumkin's arrest — Блюмкин арестован!  ";
        var runs = Highlighter.Split(text, TextSearch.HighlightWords("блюмкин arrest 1929"));
        Assert.Equal(text, string.Concat(runs.Select(r => r.Text)));
        Assert.Equal(["1929", "Blumkin", "arrest", "Блюмкин"], runs.Where(r => r.Marked).Select(r => r.Text));
    }
}
