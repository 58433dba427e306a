using Microsoft.AspNetCore.Components.Forms;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Validation;
using Timeline.Web.Forms;

namespace Timeline.Tests.Web;

public class ValidationPathsTests
{
    private static Event Arrest() => new()
    {
        Title = "Arrest", Kind = EventKind.Arrest, Start = HistoricalDate.Create(1937),
        Participants = [new Participation { PersonId = 3, Role = ParticipantRole.Arrested }, new Participation { Role = ParticipantRole.Witness }],
        Evidence = [new EvidenceLink { SourceId = 1, Locator = "l. 1" }, new EvidenceLink { Source = new Source { Title = "Memoir" }, Locator = "p. 3" }],
    };

    [Fact]
    public void A_top_level_property_maps_to_the_model_itself()
    {
        var e = Arrest();
        Assert.Equal(new FieldIdentifier(e, "Title"), ValidationPaths.ToField(e, "Title"));
    }

    [Fact]
    public void An_indexed_path_maps_to_the_child_object_that_owns_the_field()
    {
        var e = Arrest();
        Assert.Equal(new FieldIdentifier(e.Participants[1], "Role"), ValidationPaths.ToField(e, "Participants[1].Role"));
        Assert.Equal(new FieldIdentifier(e.Evidence[1], "Locator"), ValidationPaths.ToField(e, "Evidence[1].Locator"));
    }

    [Fact]
    public void A_path_through_a_child_object_reaches_a_new_source_or_person_inside_the_event()
    {
        var e = Arrest();
        Assert.Equal(new FieldIdentifier(e.Evidence[1].Source!, "Title"), ValidationPaths.ToField(e, "Evidence[1].Source.Title"));
    }

    [Fact]
    public void A_rule_about_a_whole_row_maps_to_the_field_named_after_it()
    {
        var e = Arrest();
        // ParticipationValidator's "Choose a person" rule is named Person: the row's person picker shows it.
        Assert.Equal(new FieldIdentifier(e.Participants[1], "Person"), ValidationPaths.ToField(e, "Participants[1].Person"));
    }

    [Fact]
    public void A_rule_about_a_list_stays_on_the_list()
    {
        var e = Arrest();
        Assert.Equal(new FieldIdentifier(e, "Participants"), ValidationPaths.ToField(e, "Participants"));
        Assert.Equal(new FieldIdentifier(e, "DateClaims"), ValidationPaths.ToField(e, "DateClaims"));
    }

    [Fact]
    public void A_path_past_what_the_form_holds_lands_on_the_nearest_existing_field()
    {
        var e = Arrest();
        Assert.Equal(new FieldIdentifier(e, "Evidence"), ValidationPaths.ToField(e, "Evidence[7].Locator"));
        Assert.Equal(new FieldIdentifier(e.Participants[1], "Person"), ValidationPaths.ToField(e, "Participants[1].Person.Name"));
        Assert.Equal(new FieldIdentifier(e, ""), ValidationPaths.ToField(e, ""));
    }

    [Fact]
    public void Every_message_of_the_event_validator_maps_onto_an_object_of_the_form()
    {
        var e = Arrest();
        e.Title = "";
        e.Participants[0].Role = ParticipantRole.Witness;
        e.Evidence[0].Locator = "";
        e.Evidence[1].Source!.Url = "javascript:alert(1)";

        var fields = new EventValidator().Validate(e).Errors.ToDictionary(f => f.ErrorMessage, f => ValidationPaths.ToField(e, f.PropertyName));

        Assert.Equal(new FieldIdentifier(e, "Title"), fields["Give the event a title."]);
        Assert.Equal(new FieldIdentifier(e, "Participants"), fields["An arrest must name at least one arrested person."]);
        Assert.Equal(new FieldIdentifier(e.Participants[1], "Person"), fields["Choose a person."]);
        Assert.Equal(new FieldIdentifier(e.Evidence[0], "Locator"), fields.Single(f => f.Key.StartsWith("Say where", StringComparison.Ordinal)).Value);
        Assert.Equal(new FieldIdentifier(e.Evidence[1].Source!, "Url"), fields.Single(f => f.Key.Contains("http", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void A_persons_name_variants_map_to_each_name_row()
    {
        var p = new Person { Name = "Gavriil Miasnikov" };
        p.Names.Add(new PersonName { Name = "Myasnikov" });
        p.Names.Add(new PersonName { Name = "" });
        var failure = Assert.Single(new PersonValidator().Validate(p).Errors);
        Assert.Equal(new FieldIdentifier(p.Names[1], "Name"), ValidationPaths.ToField(p, failure.PropertyName));
    }
}
