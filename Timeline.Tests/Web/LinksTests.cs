using Timeline.Web.Components.Shared;

namespace Timeline.Tests.Web;

public class LinksTests
{
    [Theory]
    [InlineData("https://example.org/a", true)]
    [InlineData("http://example.org", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("example.org", false)]
    [InlineData(null, false)]
    public void Only_http_and_https_addresses_count_as_web_links(string? url, bool expected)
    {
        Assert.Equal(expected, Links.IsWebUrl(url));
    }

    [Fact]
    public void Query_links_leave_out_empty_values_and_escape_the_rest()
    {
        Assert.Equal("/persons", Links.WithQuery("/persons", ("q", null), ("page", "")));
        Assert.Equal("/sources?q=a%20b%26c&kind=letter", Links.WithQuery("/sources", ("q", "a b&c"), ("kind", "letter")));
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("0", 1)]
    [InlineData("-2", 1)]
    [InlineData("abc", 1)]
    [InlineData("99999999999", 1)]
    public void A_page_number_from_the_address_falls_back_to_the_first_page(string? text, int expected)
    {
        Assert.Equal(expected, Links.PageNumber(text));
    }
}
