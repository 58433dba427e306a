using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Timeline.Domain.Curation;

namespace Timeline.Web.Account;

/// <summary>
/// Who is acting, as the database says now rather than as the circuit was told when it opened. A curation page
/// asks at each save: an editor whose role an administrator removed, whose account was locked or whose security
/// stamp changed (a new password, a role change) since the page opened saves nothing, even before the circuit's
/// own re-check (<see cref="RevalidatingIdentityStateProvider"/>) notices.
/// </summary>
public sealed class CurrentActor(IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
{
    public async Task<Actor> OfAsync(ClaimsPrincipal principal)
    {
        var claimed = Actor.From(principal);
        if (!claimed.IsAuthenticated) return claimed;
        // A scope of its own: the circuit's UserManager would answer from a context that has cached the user.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByIdAsync(claimed.UserId);
        if (user is null || await users.IsLockedOutAsync(user)) return Actor.Anonymous;
        if (users.SupportsUserSecurityStamp
            && principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
            return Actor.Anonymous;
        return claimed with { Roles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal) };
    }
}
