namespace Timeline.Web;

/// <summary>
/// Where a published copy of the app (<c>dotnet publish</c>) finds its files. ASP.NET's default content root is the
/// current folder: a published app started from another one looked for its static files in that folder's wwwroot and
/// answered every script, style and font with an empty 200 (the assets manifest beside the app lists them), and missed
/// its appsettings.json. A build output folder is no deployment at all: outside Development it serves Blazor's and the
/// component library's files as 500s, because only Development reads the manifest that maps them to the NuGet cache and
/// the SDK, while publishing copies them into the published wwwroot.
/// </summary>
public static partial class PublishedApp
{
    /// <summary>
    /// The app's own folder when it is a published copy (its wwwroot beside the executable), wherever it is started from;
    /// null (the default) for a build output folder, which <c>dotnet run</c> starts in the project folder, or when a
    /// content root is given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>).
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var configured = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build()[WebHostDefaults.ContentRootKey];
        if (!string.IsNullOrEmpty(configured)) return null;
        return Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;
    }

    /// <summary>Says so at start-up when a production run lacks Blazor's script, instead of failing page by page.</summary>
    public static void WarnIfNotPublished(WebApplication app)
    {
        if (!app.Environment.IsProduction()) return;
        var script = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "_framework", "blazor.web.js");
        if (!File.Exists(script)) LogNotPublished(app.Logger, script);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Script} is missing, so pages will lack their scripts and styles: run the " +
        "output of 'dotnet publish Timeline.Web -c Release -o DIR' (or a build output folder in the Development environment).")]
    private static partial void LogNotPublished(ILogger logger, string script);
}
