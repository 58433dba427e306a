using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Web;

public class NewestLoadTests
{
    [Fact]
    public async Task An_older_load_that_ends_after_a_newer_one_answers_with_the_newer_result()
    {
        var loads = new NewestLoad<string>();
        var older = new TaskCompletionSource<string>();
        var newer = new TaskCompletionSource<string>();
        var first = loads.RunAsync(older.Task);
        var second = loads.RunAsync(newer.Task);

        newer.SetResult("page 3");
        Assert.Equal("page 3", await second);
        older.SetResult("page 2");

        Assert.Equal("page 3", await first);
    }

    [Fact]
    public async Task A_load_that_ends_before_a_newer_one_waits_for_it()
    {
        var loads = new NewestLoad<string>();
        var older = new TaskCompletionSource<string>();
        var newer = new TaskCompletionSource<string>();
        var first = loads.RunAsync(older.Task);
        var second = loads.RunAsync(newer.Task);

        older.SetResult("page 2");
        Assert.False(first.IsCompleted);
        newer.SetResult("page 3");

        Assert.Equal("page 3", await first);
        Assert.Equal("page 3", await second);
    }

    [Fact]
    public async Task A_load_with_none_after_it_answers_with_its_own_result()
    {
        var loads = new NewestLoad<int>();
        Assert.Equal(1, await loads.RunAsync(Task.FromResult(1)));
        Assert.Equal(2, await loads.RunAsync(Task.FromResult(2)));
    }
}
