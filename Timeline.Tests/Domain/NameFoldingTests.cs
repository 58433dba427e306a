using Timeline.Domain.Text;

namespace Timeline.Tests.Domain;

public class NameFoldingTests
{
    [Theory]
    [InlineData("Miasnikov", "Myasnikov")]
    [InlineData("Miasnikov", "Mjasnikov")]
    [InlineData("Miasnikov", "Мясников")]
    [InlineData("Miasnikov", "MIASNIKOV")]
    [InlineData("Miasnikov", "Mâsnikov")]
    [InlineData("Trotsky", "Trotskii")]
    [InlineData("Trotsky", "Trotskij")]
    [InlineData("Trotsky", "Троцкий")]
    [InlineData("Zinoviev", "Zinovyev")]
    [InlineData("Zinoviev", "Зиновьев")]
    [InlineData("Yezhov", "Ezhov")]
    [InlineData("Yezhov", "Ježov")]
    [InlineData("Yezhov", "Ежов")]
    [InlineData("Yagoda", "Jagoda")]
    [InlineData("Gavriil Il'ich", "Gavriil Ilich")]
    [InlineData("Aleksei Rykov", "Alexei Rykov")]
    public void Spellings_of_one_name_fold_to_one_key(string a, string b)
    {
        Assert.Equal(NameFolding.Fold(a), NameFolding.Fold(b));
    }

    [Theory]
    [InlineData("Kamenev", "Zinoviev")]
    [InlineData("Radek", "Rykov")]
    public void Different_names_stay_different(string a, string b)
    {
        Assert.NotEqual(NameFolding.Fold(a), NameFolding.Fold(b));
    }

    [Fact]
    public void Folding_keeps_words_apart_and_drops_punctuation()
    {
        Assert.Equal("g i masnikov", NameFolding.Fold("G. I. Miasnikov"));
        Assert.Equal("", NameFolding.Fold("  ...  "));
    }
}
