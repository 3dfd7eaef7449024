using System.Collections.Frozen;

namespace ShoppableVideo.Api.Player;

/// <summary>The player page's HTML, script and style sheet, embedded in this assembly so the API serves
/// the page with no static-file folder to deploy and nothing fetched from elsewhere.</summary>
public static class PlayerAssets
{
    public const string PageName = "player.html";

    const string ResourcePrefix = "ShoppableVideo.Api.Player.Assets.";

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
        var assembly = typeof(PlayerAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[ResourcePrefix.Length..]] = copy.ToArray();
        }
        if (!files.ContainsKey(PageName))
            throw new InvalidOperationException($"The player page is not embedded in {assembly.GetName().Name}: check the EmbeddedResource items of Api.csproj.");
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
