using Microsoft.AspNetCore.Components.Forms;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Validation;
using Timeline.Web.Forms;

namespace Timeline.Tests.Web;

public class FluentValidationBridgeTests
{
    private static (Event Model, EditContext Context, FluentValidationBridge Bridge) Form()
    {
        var e = new Event
        {
            Title = "", Kind = EventKind.Arrest, Start = HistoricalDate.Create(1937),
            Participants = [new Participation { Role = ParticipantRole.Arrested }],
            Evidence = [new EvidenceLink { SourceId = 1, Locator = "" }],
        };
        var context = new EditContext(e);
        return (e, context, new FluentValidationBridge(context, new EventValidator()));
    }

    [Fact]
    public void Editing_a_field_shows_that_fields_messages_only()
    {
        var (e, context, bridge) = Form();
        using (bridge)
        {
            context.NotifyFieldChanged(new FieldIdentifier(e, nameof(Event.Title)));

            Assert.Equal(["Give the event a title."], context.GetValidationMessages(new FieldIdentifier(e, nameof(Event.Title))));
            Assert.Empty(context.GetValidationMessages(new FieldIdentifier(e.Evidence[0], nameof(EvidenceLink.Locator))));
        }
    }

    [Fact]
    public void A_fixed_field_loses_its_message_as_soon_as_it_changes()
    {
        var (e, context, bridge) = Form();
        using (bridge)
        {
            var title = new FieldIdentifier(e, nameof(Event.Title));
            context.NotifyFieldChanged(title);
            e.Title = "NKVD arrests Radek";
            context.NotifyFieldChanged(title);
            Assert.Empty(context.GetValidationMessages(title));
        }
    }

    [Fact]
    public void Submitting_shows_every_message_next_to_its_field_on_the_child_objects()
    {
        var (e, context, bridge) = Form();
        using (bridge)
        {
            Assert.False(context.Validate());

            Assert.Single(context.GetValidationMessages(new FieldIdentifier(e, nameof(Event.Title))));
            Assert.Equal(["Choose a person."], context.GetValidationMessages(new FieldIdentifier(e.Participants[0], nameof(Participation.Person))));
            Assert.Single(context.GetValidationMessages(new FieldIdentifier(e.Evidence[0], nameof(EvidenceLink.Locator))));
        }
    }

    [Fact]
    public void Messages_from_a_refused_save_are_shown_on_their_fields()
    {
        var (e, context, bridge) = Form();
        using (bridge)
        {
            bridge.Show([new FluentValidation.Results.ValidationFailure("Evidence[0].Locator", "Say where.")]);
            Assert.Equal(["Say where."], context.GetValidationMessages(new FieldIdentifier(e.Evidence[0], nameof(EvidenceLink.Locator))));
        }
    }
}
