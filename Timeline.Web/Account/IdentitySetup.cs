using Microsoft.AspNetCore.Identity;
using Timeline.Domain.Curation;
using Timeline.Domain.Data;

namespace Timeline.Web.Account;

public static partial class IdentitySetup
{
    /// <summary>Identity on the app's own SQLite database: cookie sign-in, roles, lockout after repeated failures.</summary>
    public static IServiceCollection AddTimelineIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization();
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): a long passphrase is the better password.
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TimelineDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "timeline.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Revocation at the next request, not 30 minutes later (CookieStampCheck, with its measured cost).
            o.Events.OnValidatePrincipal = CookieStampCheck.ValidateAsync;
        });
        services.AddScoped<UserAdmin>();
        services.AddSingleton<CurrentActor>();
        services.AddScoped<PasswordSignIn>();
        return services;
    }

    /// <summary>
    /// Creates the roles, and the first administrator when configured (Timeline:Admin:Email and
    /// Timeline:Admin:Password, e.g. from environment variables). Nothing ships with a default password:
    /// without that configuration no account exists until `add-user` creates one.
    /// </summary>
    public static async Task EnsureRolesAndAdminAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var email = config["Timeline:Admin:Email"];
        var password = config["Timeline:Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        var result = await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateAsync(null, email, password, [Roles.Admin, Roles.Editor]);
        if (result.Succeeded) LogAdminCreated(logger, email);
        else LogAdminFailed(logger, email, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator, {Email}.")]
    private static partial void LogAdminCreated(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not create the administrator {Email}: {Errors}")]
    private static partial void LogAdminFailed(ILogger logger, string email, string errors);
}
