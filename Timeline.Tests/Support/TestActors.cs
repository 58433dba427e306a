using Timeline.Domain.Curation;

namespace Timeline.Tests.Support;

/// <summary>Actors for calling domain commands directly, as the pages would for a signed-in editor or reader.</summary>
public static class TestActors
{
    public static readonly Actor Editor = new("u-editor", "editor@example.org", new HashSet<string> { Roles.Editor });
    public static readonly Actor Reader = new("u-reader", "reader@example.org", new HashSet<string>());
}
