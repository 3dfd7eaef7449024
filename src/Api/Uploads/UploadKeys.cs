using System.Text;

namespace ShoppableVideo.Api.Uploads;

/// <summary>Object keys for uploaded files: the client's file name made safe (see
/// <see cref="Consumers.Storage.ObjectKey"/>), and the names to try when that key already holds
/// something else.</summary>
public static class UploadKeys
{
    /// <summary>The folder in the videos bucket that uploaded videos go to.</summary>
    public const string VideoFolder = "uploads";

    /// <summary>How many numbered names a video upload tries before it gives up on its file name.</summary>
    public const int Attempts = 100;

    const int MaxNameLength = 120;

    /// <summary>The last segment of a client file name, with anything but letters and digits (of any
    /// script: "été.mp4" and "夏.mp4" keep theirs), '.', '-' and '_' replaced; leading dots and '~' go
    /// too, because watchers treat such names as temporary files. Invisible format characters (a
    /// right-to-left override) are not letters, so a name cannot disguise its extension.</summary>
    public static string SafeFileName(string? clientName, string fallback)
    {
        var name = (clientName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var safe = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormKC).EnumerateRunes())
            safe.Append(Rune.IsLetterOrDigit(rune) || rune.Value is '.' or '-' or '_' ? rune.ToString() : "_");
        var result = safe.ToString().TrimStart('.', '~', '_');
        while (result.Contains(".."))
            result = result.Replace("..", ".");
        if (result.Length > MaxNameLength)
        {
            result = result[^MaxNameLength..];
            // Cut from its end, the name can start with the orphaned low half of a character outside the BMP.
            if (char.IsLowSurrogate(result[0]))
                result = result[1..];
        }
        return result.Trim('.').Length == 0 ? fallback : result;
    }

    /// <summary>"folder/clip.mp4", then "folder/clip-2.mp4", "folder/clip-3.mp4" ...: the same name
    /// always tries the same keys in the same order, so identical bytes find the key they took before.</summary>
    public static IEnumerable<string> Candidates(string folder, string fileName, int count)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        yield return $"{folder}/{fileName}";
        for (var n = 2; n <= count; n++)
            yield return $"{folder}/{stem}-{n}{extension}";
    }
}
