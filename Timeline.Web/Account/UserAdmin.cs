using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Curation;

namespace Timeline.Web.Account;

public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, bool LockedOut, int FailedAttempts);

/// <summary>User and role management for administrators. Each call checks the caller is an administrator.</summary>
public sealed class UserAdmin(UserManager<IdentityUser> users)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(Actor actor)
    {
        actor.MustAdminister("see the users");
        var rows = new List<UserRow>();
        foreach (var u in await users.Users.OrderBy(u => u.Email).ToListAsync())
            rows.Add(new UserRow(u.Id, u.Email ?? u.UserName ?? u.Id, [.. await users.GetRolesAsync(u)], await users.IsLockedOutAsync(u), u.AccessFailedCount));
        return rows;
    }

    /// <param name="actor">Null only for the start-up and command-line bootstrap of the first administrator.</param>
    public async Task<IdentityResult> CreateAsync(Actor? actor, string email, string password, IEnumerable<string> roles)
    {
        actor?.MustAdminister("create users");
        var user = new IdentityUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return result;
        return await users.AddToRolesAsync(user, roles.Where(r => Roles.All.Contains(r)).Distinct());
    }

    public async Task<IdentityResult> SetRolesAsync(Actor actor, string userId, IEnumerable<string> roles)
    {
        actor.MustAdminister("change roles");
        var user = await users.FindByIdAsync(userId) ?? throw new CurationException("No such user.");
        var wanted = roles.Where(r => Roles.All.Contains(r)).ToHashSet();
        if (user.Id == actor.UserId && !wanted.Contains(Roles.Admin))
            throw new CurationException("You cannot remove your own administrator role; ask another administrator.");
        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        if (result.Succeeded) result = await users.AddToRolesAsync(user, wanted.Except(current));
        // A new stamp makes open sessions of that user re-check their rights.
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        return result;
    }

    public async Task<IdentityResult> SetLockedAsync(Actor actor, string userId, bool locked)
    {
        actor.MustAdminister("lock accounts");
        var user = await users.FindByIdAsync(userId) ?? throw new CurationException("No such user.");
        if (user.Id == actor.UserId) throw new CurationException("You cannot lock your own account.");
        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked) result = await users.ResetAccessFailedCountAsync(user);
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        return result;
    }

    public async Task<IdentityResult> ResetPasswordAsync(Actor actor, string userId, string password)
    {
        actor.MustAdminister("reset passwords");
        var user = await users.FindByIdAsync(userId) ?? throw new CurationException("No such user.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return await users.ResetPasswordAsync(user, token, password);
    }
}
