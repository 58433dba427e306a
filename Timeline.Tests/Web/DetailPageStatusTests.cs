using System.Net;
using Microsoft.EntityFrameworkCore;
using Timeline.Tests.Support;

namespace Timeline.Tests.Web;

/// <summary>What the served detail pages answer for records that are not there: a 404, and for the trash, saying so.</summary>
public class DetailPageStatusTests : IClassFixture<TimelineAppFactory>
{
    private readonly TimelineAppFactory _app;
    private readonly HttpClient _http;

    public DetailPageStatusTests(TimelineAppFactory app)
    {
        _app = app;
        _http = app.CreateClient(new() { AllowAutoRedirect = false });
    }

    [Theory]
    [InlineData("/events/999999", "There is no event number 999999")]
    [InlineData("/persons/999999", "There is no person number 999999")]
    [InlineData("/sources/999999", "There is no source number 999999")]
    public async Task A_page_for_an_id_that_never_existed_is_a_404_that_says_so(string path, string text)
    {
        var response = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(text, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_events_page_is_a_404_that_says_it_was_deleted()
    {
        int id;
        using (var ctx = _app.Database.NewContext())
        {
            var e = await ctx.Events.OrderBy(x => x.Id).Skip(3).FirstAsync();
            e.IsDeleted = true;
            await ctx.SaveChangesAsync();
            id = e.Id;
        }

        var response = await _http.GetAsync($"/events/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"The event number {id} was deleted.", html, StringComparison.Ordinal);
        // Readers get no way into the trash; editors do (DetailPageTests in the browser).
        Assert.DoesNotContain("href=\"/trash\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_event_page_is_a_200()
    {
        int id;
        using (var ctx = _app.Database.NewContext()) id = await ctx.Events.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"/events/{id}")).StatusCode);
    }
}
