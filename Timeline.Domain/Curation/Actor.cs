using System.Security.Claims;

namespace Timeline.Domain.Curation;

/// <summary>The roles that may change data. Everyone else (including anonymous readers) only reads.</summary>
public static class Roles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";
    public const string Editors = Editor + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Editor, Admin];
}

/// <summary>Who is asking for a change. Every domain command takes one and checks it itself.</summary>
public sealed record Actor(string UserId, string UserName, IReadOnlySet<string> Roles)
{
    public static readonly Actor Anonymous = new("", "anonymous", new HashSet<string>());

    public bool IsAuthenticated => UserId.Length > 0;
    public bool CanEdit => IsAuthenticated && (Roles.Contains(Curation.Roles.Editor) || Roles.Contains(Curation.Roles.Admin));
    public bool IsAdmin => IsAuthenticated && Roles.Contains(Curation.Roles.Admin);

    public static Actor From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Anonymous;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = user.Identity.Name ?? id;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(id, name, roles);
    }

    /// <summary>Refuses the call unless the actor may edit; the check lives here, not in the UI.</summary>
    public void MustEdit(string what)
    {
        if (!CanEdit) throw new NotAuthorizedException($"Only editors can {what}; {(IsAuthenticated ? $"{UserName} is a reader" : "sign in first")}.");
    }

    public void MustAdminister(string what)
    {
        if (!IsAdmin) throw new NotAuthorizedException($"Only administrators can {what}.");
    }
}

/// <summary>A change refused because the actor lacks the role for it.</summary>
public sealed class NotAuthorizedException(string message) : Exception(message);

/// <summary>A change that cannot be made as asked; the message is for the curator.</summary>
public sealed class CurationException(string message) : Exception(message);
