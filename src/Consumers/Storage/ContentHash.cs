using System.Security.Cryptography;

namespace ShoppableVideo.Consumers.Storage;

/// <summary>How an object's content is named in its identity and in the product index: "sha256:" + hex.</summary>
public static class ContentHash
{
    public static async Task<string> OfAsync(Stream content, CancellationToken cancellationToken = default) =>
        "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));

    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20, useAsync: true);
        return await OfAsync(stream, cancellationToken);
    }
}
