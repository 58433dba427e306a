using MudBlazor.Services;
using Timeline.Domain.Data;
using Timeline.Domain.Seeding;
using Timeline.Web;
using Timeline.Web.Account;
using Timeline.Web.Security;
using Timeline.Web.Api;
using Timeline.Web.Components;
using Timeline.Web.Diagnostics;
using Timeline.Web.Importing;

if (Commands.IsCommand(args)) return await Commands.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = PublishedApp.ContentRoot(args) });

static string ConnectionString(IConfiguration c) => c.GetConnectionString("Timeline") ?? DatabaseSetup.DefaultConnectionString;
builder.Services.AddTimelineDomain(sp => ConnectionString(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCircuits(builder.Environment);
builder.Services.AddTimelineIdentity();
builder.Services.AddSignInRateLimit(builder.Configuration);
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();
builder.Services.AddApiDocument();
builder.Services.AddHealthChecks().AddDbContextCheck<TimelineDbContext>();
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

var app = builder.Build();

// Schema first, then roles and any configured first administrator, then the seed dataset if the
// database is empty (a second start changes nothing).
DatabaseSetup.Migrate(ConnectionString(app.Configuration));
await IdentitySetup.EnsureRolesAndAdminAsync(app.Services, app.Configuration, app.Logger);
var seedFolder = app.Configuration["Timeline:SeedFolder"] ?? Path.Combine(AppContext.BaseDirectory, "seed");
if (!app.Configuration.GetValue("Timeline:SkipSeed", false))
    await app.Services.GetRequiredService<SeedLoader>().LoadIfEmptyAsync(seedFolder);
DatasetUpload.SweepAbandoned(app.Logger);
PublishedApp.WarnIfNotPublished(app);

// The client's address and scheme from a reverse proxy on this machine, before anything reads them (SignInRateLimit).
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseRateLimiter();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapApiDocument();
app.MapTimelineApi();
app.MapExports();
app.MapAccountEndpoints();
app.MapDiagnostics(app.Environment);
// The one content security policy is SecurityHeaders'; Blazor would add a second (frame-ancestors 'self').
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
