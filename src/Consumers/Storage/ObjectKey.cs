namespace ShoppableVideo.Consumers.Storage;

/// <summary>The one rule for object keys, shared by every store and intake: a key is a relative path of
/// plain segments. Anything that could escape a bucket folder or confuse a shell is refused.</summary>
public static class ObjectKey
{
    public const int MaxLength = 1024;

    public static void EnsureValid(string key)
    {
        var reason = FindProblem(key);
        if (reason is not null)
            throw new InvalidObjectKeyException(key, reason);
    }

    public static string? FindProblem(string key)
    {
        if (string.IsNullOrWhiteSpace(key))
            return "the key is empty";
        if (key.Length > MaxLength)
            return $"the key is longer than {MaxLength} characters";
        if (key.Contains(".."))
            return "the key contains '..'";
        if (key.StartsWith('/') || key.EndsWith('/'))
            return "the key starts or ends with '/'";
        if (key.Contains("//"))
            return "the key has an empty path segment";
        foreach (var c in key)
        {
            if (char.IsControl(c))
                return "the key contains a control character";
            if (c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
                return $"the key contains the character '{c}'";
        }
        return null;
    }
}

public sealed class InvalidObjectKeyException(string key, string reason)
    : ArgumentException($"Invalid object key '{Sanitize(key)}': {reason}.")
{
    public string Key { get; } = key;
    public string Reason { get; } = reason;

    // The key itself may hold control characters; never echo them raw into logs or status.
    static string Sanitize(string key) =>
        new(key.Take(200).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
