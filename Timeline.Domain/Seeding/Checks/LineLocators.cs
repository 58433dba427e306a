using System.Text.RegularExpressions;

namespace Timeline.Domain.Seeding.Checks;

/// <summary>
/// Locators that point at a line of a document's text ("..., text line 1405: excerpt from Thurston, Life and Terror,
/// p. 20-22"), checked against the text itself (issue 11 found them one line off). seed/documents.json maps source
/// ids to the documents' files. What can be checked: every line named exists and is not blank; and when the locator
/// names the excerpt ("excerpt from AUTHOR, ..., p. N"), the line is text of an excerpt, not its citation, and the
/// citation that ends the excerpt names that author and page. A locator may point anywhere inside its excerpt (at
/// the paragraph it draws on); when it misses and the line before or after would do, the problem says so.
/// </summary>
internal static partial class LineLocators
{
    public const string DocumentsFile = "documents.json";

    public static IEnumerable<SeedProblem> Check(IReadOnlyList<EventEntry> events, string folder, string documents)
    {
        if (!File.Exists(Path.Combine(folder, DocumentsFile))) yield break;
        var problems = new List<SeedProblem>();
        Dictionary<string, string> files;
        try
        {
            files = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(folder, DocumentsFile)), DatasetJson.Options) ?? [];
        }
        catch (System.Text.Json.JsonException ex)
        {
            files = [];
            problems.Add(SeedChecker.Problem("line locator", DocumentsFile, null, ex.Path, "an object of source ids and file names: " + ex.Message.Split(" Path:")[0]));
        }
        foreach (var p in problems) yield return p;
        var texts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (source, name) in files)
        {
            var path = Path.Combine(documents, name);
            if (File.Exists(path)) texts[source] = File.ReadAllText(path).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            else yield return SeedChecker.Problem("line locator", DocumentsFile, source, source, $"no document {name} in {documents}.");
        }
        foreach (var (file, e) in events)
        {
            var places = (e.Evidence ?? []).Select((x, i) => (x.Source, x.Locator, Field: $"evidence[{i}].locator"))
                .Concat((e.DateClaims ?? []).Select((c, i) => (c.Source, c.Locator, Field: $"dateClaims[{i}].locator")))
                .DistinctBy(p => (p.Source, p.Locator));
            foreach (var (source, locator, field) in places)
                if (texts.TryGetValue(source, out var lines) && Problem(lines, locator) is { } problem)
                    yield return SeedChecker.Problem("line locator", file, e.Id, field, $"{problem} ({source}: \"{locator}\")");
        }
    }

    /// <summary>What is wrong with a line locator, or null (also for locators that name no line).</summary>
    internal static string? Problem(string[] lines, string locator)
    {
        if (LineReference().Match(locator) is not { Success: true } reference) return null;
        var excerpt = Excerpt().Match(locator);
        if (excerpt.Success)
        {
            var n = int.Parse(excerpt.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var page = excerpt.Groups["page"].Success ? excerpt.Groups["page"].Value : null;
            var who = excerpt.Groups["from"].Value;
            if (InExcerpt(lines, n, who, page)) return null;
            var near = new[] { n - 1, n + 1 }.Where(m => InExcerpt(lines, m, who, page)).ToList();
            return $"text line {n} {Describe(lines, n)}, not in the excerpt from {who.Split(',')[0].Trim()}"
                + (near.Count > 0 ? $"; off by one: line {string.Join(" or ", near)}" : "");
        }
        foreach (Match m in Number().Matches(reference.Groups["refs"].Value))
        {
            var n = int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (n < 1 || n > lines.Length || lines[n - 1].Trim().Length == 0) return $"text line {n} {Describe(lines, n)}";
        }
        return null;
    }

    private static string Describe(string[] lines, int n) =>
        n < 1 || n > lines.Length ? $"is past the end of the text ({lines.Length} lines)"
        : lines[n - 1].Trim().Length == 0 ? "is blank"
        : IsCitation(lines[n - 1]) ? "is a citation line" : "is text of another excerpt";

    /// <summary>Line n is text (not a citation) of an excerpt whose citation names the author and the page.</summary>
    private static bool InExcerpt(string[] lines, int n, string from, string? page)
    {
        if (n < 1 || n > lines.Length || lines[n - 1].Trim().Length == 0 || IsCitation(lines[n - 1])) return false;
        var citation = lines.Skip(n).FirstOrDefault(IsCitation);
        if (citation is null) return false;
        var author = CitedAuthor().Match(citation).Value;
        return from.Contains(author, StringComparison.OrdinalIgnoreCase)
            && (page is null || Number().Matches(citation).Any(m => m.Value == page));
    }

    /// <summary>
    /// A bibliographic line that ends an excerpt: "Getty, A. Origins of the Great Purges. ..., 1985, p. 207-210",
    /// "Getty and Manning. Stalinist Terror. ...", "Sousa, Mario. The Class Struggle ..., 2001.".
    /// </summary>
    internal static bool IsCitation(string line) =>
        line.Length < 300 && CitationStart().IsMatch(line) && (CitedPage().IsMatch(line) || EndsWithYear().IsMatch(line));

    [GeneratedRegex(@"text lines?\s+(?<refs>\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|and)\s*\d+(?:\s*[-–]\s*\d+)?)*)")]
    private static partial Regex LineReference();

    [GeneratedRegex(@"text line (?<line>\d+):\s*excerpt from (?<from>[^\n]+?)(?:,\s*pp?\.\s*(?<page>\d+)[^\n]*)?$")]
    private static partial Regex Excerpt();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[A-Z][\w'’-]+(?: (?:and|&) [A-Z][\w'’-]+)?(?:\. |, [A-Z])")]
    private static partial Regex CitationStart();

    [GeneratedRegex(@"^[A-Z][\w'’-]+")]
    private static partial Regex CitedAuthor();

    [GeneratedRegex(@"\bpp?\. ?\d")]
    private static partial Regex CitedPage();

    [GeneratedRegex(@"(?<!\d)(1[6-9]\d\d|20\d\d)\.?\s*$")]
    private static partial Regex EndsWithYear();
}
