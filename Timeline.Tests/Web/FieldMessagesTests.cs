using Microsoft.AspNetCore.Components.Forms;
using Timeline.Domain.Model;
using Timeline.Web.Forms;

namespace Timeline.Tests.Web;

public class FieldMessagesTests
{
    [Fact]
    public void Messages_of_the_followed_fields_arrive_once_each_and_the_owner_hears_only_of_changes()
    {
        var e = new Event();
        var context = new EditContext(e);
        var store = new ValidationMessageStore(context);
        var (start, end) = (new FieldIdentifier(e, nameof(Event.Start)), new FieldIdentifier(e, nameof(Event.End)));
        var heard = 0;
        using var messages = new FieldMessages(() => heard++);
        messages.Follow(context, start, end);

        store.Add(start, "Feb 1937 has no day 30.");
        store.Add(end, "The end date comes before the start date.");
        store.Add(end, "Feb 1937 has no day 30.");
        store.Add(new FieldIdentifier(e, nameof(Event.Title)), "Give the event a title.");
        context.NotifyValidationStateChanged();
        context.NotifyValidationStateChanged();

        Assert.Equal(["Feb 1937 has no day 30.", "The end date comes before the start date."], messages.Current);
        Assert.Equal(1, heard);

        store.Clear();
        context.NotifyValidationStateChanged();
        Assert.Empty(messages.Current);
        Assert.Equal(2, heard);
    }

    [Fact]
    public void Without_a_form_there_are_no_messages_and_a_disposed_follower_hears_nothing_more()
    {
        var e = new Event();
        var context = new EditContext(e);
        var store = new ValidationMessageStore(context);
        var heard = 0;
        var messages = new FieldMessages(() => heard++);
        messages.Follow(null, new FieldIdentifier(e, nameof(Event.Start)));
        Assert.Empty(messages.Current);

        messages.Follow(context, new FieldIdentifier(e, nameof(Event.Start)));
        messages.Dispose();
        store.Add(new FieldIdentifier(e, nameof(Event.Start)), "Enter a date.");
        context.NotifyValidationStateChanged();

        Assert.Equal(0, heard);
    }
}
