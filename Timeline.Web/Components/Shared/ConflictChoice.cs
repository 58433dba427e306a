namespace Timeline.Web.Components.Shared;

/// <summary>What the editor chose after a save conflict.</summary>
public enum ConflictChoice
{
    Cancel,
    Reload,
    Overwrite,
}
