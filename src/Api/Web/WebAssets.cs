using System.Collections.Frozen;

namespace ShoppableVideo.Api.Web;

/// <summary>The web pages (the console and the player), their scripts and style sheets, embedded in this
/// assembly so the API serves them with no static-file folder to deploy and nothing fetched from elsewhere.</summary>
public static class WebAssets
{
    public const string ConsolePage = "console.html";
    public const string PlayerPage = "player.html";

    const string ResourcePrefix = "ShoppableVideo.Api.Web.Assets.";

    static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary();

    // Read once: the files are small and never change while the process runs.
    static readonly FrozenDictionary<string, byte[]> Files = Load();

    /// <summary>The asset with this file name and its content type, or null for any other name.</summary>
    public static (byte[] Content, string ContentType)? Find(string name) =>
        Files.TryGetValue(name, out var content) ? (content, ContentTypes[Path.GetExtension(name)]) : null;

    static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[ResourcePrefix.Length..]] = copy.ToArray();
        }
        foreach (var page in new[] { ConsolePage, PlayerPage })
            if (!files.ContainsKey(page))
                throw new InvalidOperationException($"{page} is not embedded in {assembly.GetName().Name}: check the EmbeddedResource items of Api.csproj.");
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
