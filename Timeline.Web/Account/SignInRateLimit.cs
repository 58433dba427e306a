using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Timeline.Web.Account;

/// <summary>
/// Sign-in attempts per client address (ASP.NET Core's rate limiter on <c>POST /account/login</c>): lockout after five
/// wrong passwords protects one account, this keeps one client from locking every editor out in turn by guessing.
/// Behind a reverse proxy on the same machine the client's address comes from X-Forwarded-For (only loopback
/// proxies are believed); elsewhere the header is ignored, so a client cannot pick a fresh address per attempt.
/// Program.cs puts UseForwardedHeaders first in the pipeline and UseRateLimiter after the security headers.
/// </summary>
public static class SignInRateLimit
{
    /// <summary>Attempts per client per minute (<c>Timeline:SignIn:AttemptsPerMinute</c>): more than a person mistyping needs.</summary>
    public const int DefaultAttemptsPerMinute = 10;

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Timeline:SignIn:AttemptsPerMinute", DefaultAttemptsPerMinute);
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsSignInPost(http.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from your address. Wait a minute, then try again.", ct);
            };
        });
        return services;
    }

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase);
}
