using Timeline.Domain.Model;

namespace Timeline.Tests.Domain;

public class ArchivalReferenceTests
{
    [Fact]
    public void Fields_format_as_historians_cite_them()
    {
        var reference = new ArchivalReference("RGASPI", "17", "171", "136", Pages: "94-126");

        Assert.Equal("RGASPI f. 17 op. 171 d. 136 l. 94-126", reference.ToString());
    }

    [Fact]
    public void A_volume_is_cited_between_file_and_pages()
    {
        Assert.Equal("TsA FSB RF d. H-17674 t. 3 l. 45",
            new ArchivalReference("TsA FSB RF", null, null, "H-17674", "3", "45").ToString());
    }

    [Theory]
    [InlineData("RGASPI f. 17 op. 171 d. 136 l. 94-126")]
    [InlineData("RGASPI. F. 17. On. 171, D. 136, L. 94-126")]
    [InlineData("RGASPI, f. 17, op. 171, d. 136, ll. 94 - 126")]
    public void Printed_variants_parse_to_the_same_fields(string text)
    {
        Assert.True(ArchivalReference.TryParse(text, out var reference));
        Assert.Equal("RGASPI", reference!.Archive);
        Assert.Equal("17", reference.Fond);
        Assert.Equal("171", reference.Opis);
        Assert.Equal("136", reference.Delo);
        Assert.Equal("94-126", reference.Pages);
        Assert.Equal("RGASPI f. 17 op. 171 d. 136 l. 94-126", reference.ToString());
    }

    [Fact]
    public void Text_without_archive_parts_is_not_a_reference()
    {
        Assert.False(ArchivalReference.TryParse("p. 136", out _));
        Assert.False(ArchivalReference.TryParse("", out _));
    }
}
