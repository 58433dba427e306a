using MudBlazor;

namespace Timeline.Web.Components.Layout;

/// <summary>
/// The app's one theme: the dark red of the old party-card covers as the primary colour, and the three claim
/// statuses as success (stated), info (attributed) and warning (disputed), each dark enough for white text at
/// 4.5:1 or more. Roboto is served by the app itself (wwwroot/lib/roboto, from npm).
/// </summary>
public static class AppTheme
{
    public const string Accent = "#7a1f1f";
    public const string Stated = "#1b5e20";
    public const string Attributed = "#0d47a1";
    public const string Disputed = "#7a4a00";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Accent,
            PrimaryDarken = "#5a1515",
            PrimaryLighten = "#a64b4b",
            Secondary = "#37474f",
            Tertiary = "#4a148c",
            Success = Stated,
            Info = Attributed,
            Warning = Disputed,
            Error = "#b71c1c",
            AppbarBackground = Accent,
            AppbarText = "#ffffff",
            Background = "#fcfaf8",
            Surface = "#ffffff",
            TextPrimary = "rgba(0,0,0,0.87)",
            // MudBlazor's default secondary text (0.54 alpha) falls under 4.5:1 on the background; 0.66 passes.
            TextSecondary = "rgba(0,0,0,0.66)",
            ActionDefault = "rgba(0,0,0,0.66)",
            DrawerBackground = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "4px" },
    };
}
